package io.j2o.sandbox.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Id bases of generated sites, and a seeded site mixed with a generated one. */
class SiteMixTest {

    /** SHA-256 of {@code new DatasetGenerator(42).generate(3, 300).toJson().toString()} before id bases existed. */
    private static final String SITE_42_BEFORE_ID_BASES = "d8c69b75f8cd7a3a788f9244146bf4d15a226ff91587f04270da4bcfd58c32de";
    private static final Pattern TOKEN = Pattern.compile("[0-9]{1,18}|[^0-9]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /**
     * Stands in for real data: a generated site holds every id a generated site at base 0 uses, and its keys; without
     * groups, which a seed directory does not serve (the mix refuses a group name both parts hold).
     */
    private final JiraDataset seeded = withoutGroups(new DatasetGenerator(7).generate(2, 40));

    @Test
    void baseZeroWritesTheSameSiteAsBefore() {
        assertThat(sha256(new DatasetGenerator(42).withIdBase(0).generate(3, 300).toJson().toString()))
                .isEqualTo(SITE_42_BEFORE_ID_BASES);
        assertThat(sha256(new DatasetGenerator(42).generate(3, 300).toJson().toString())).isEqualTo(SITE_42_BEFORE_ID_BASES);
    }

    @Test
    void anIdBaseMovesEveryNumberThatDiffersAndNothingElse() {
        long base = 30_000_000;
        JsonNode usual = new DatasetGenerator(42).generate(3, 300).toJson();
        JsonNode moved = new DatasetGenerator(42).withIdBase(base).generate(3, 300).toJson();

        List<String> mismatches = new ArrayList<>();
        int movedValues = compare(usual, moved, base, "", mismatches);

        assertThat(mismatches).isEmpty();
        assertThat(movedValues).isGreaterThan(1000);
        assertThat(moved.at("/issues/0/fields").has(DatasetCustomFields.ids(base).customer())).isTrue();
    }

    @Test
    void anIdBaseIsAWholeMultipleOfTheUnit() {
        assertThatThrownBy(() -> new DatasetGenerator(1).withIdBase(12_345)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGeneratedPartStartsAtTheNextRoundBaseAboveEverySeededId() {
        assertThat(SiteMix.idBaseAbove(seeded)).isEqualTo(SiteMix.BASE_STEP);
        ObjectNode issue = seeded.issues().get(0).deepCopy();
        issue.putObject("fields").putNull("customfield_24999999");
        JiraDataset withLargeField = new JiraDataset(seeded.siteUrl(), seeded.users(), seeded.projects(), seeded.statuses(),
                seeded.issueTypes(), seeded.priorities(), List.of(issue));
        assertThat(SiteMix.idBaseAbove(withLargeField)).isEqualTo(30_000_000);
    }

    @Test
    void theMixedSiteServesBothWithoutOneIdOfOneKindTwice() {
        SiteMix mix = SiteMix.of(seeded, 42, 3, 300);
        JiraDataset site = mix.dataset();

        assertThat(site.siteUrl()).isEqualTo(seeded.siteUrl());
        assertThat(site.issues()).hasSize(seeded.issues().size() + 300);
        assertThat(site.projects()).extracting(project -> project.get("key").asText())
                .containsExactly("ALPHA", "BETA", "ALPHAG", "BETAG", "GAMMA");
        Map<String, Set<String>> seededIds = idsByKind(seeded.toJson());
        Map<String, Set<String>> generatedIds = idsByKind(generatedPart(site, seeded).toJson());
        assertThat(generatedIds.keySet()).contains("/issues/fields/comment/comments", "/issues/fields/worklog/worklogs",
                "/issues/fields/attachment", "/issues/changelog/histories", "/issues/fields/issuelinks",
                "/issues/fields/issuelinks/type", "/issues/fields/components", "/projectRoles/actors", "custom fields");
        assertThat(seededIds.keySet()).contains("/projectRoles/actors", "custom fields");
        generatedIds.forEach((kind, ids) -> {
            Set<String> shared = new HashSet<>(ids);
            shared.retainAll(seededIds.getOrDefault(kind, Set.of()));
            assertThat(shared).as(kind).isEmpty();
        });
    }

    @Test
    void aSharedIdentityIsRefused() {
        JiraDataset generated = new DatasetGenerator(7).generate(2, 40);
        assertThatThrownBy(() -> SiteMix.union(generated, generated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user accountId");
        assertThatThrownBy(() -> SiteMix.union(generated, new DatasetGenerator(8).withIdBase(SiteMix.BASE_STEP)
                .withProjectKeysTaken(Set.of("ALPHA", "BETA")).generate(1, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group name [former-contractors, jira-administrators]");
    }

    private static JiraDataset withoutGroups(JiraDataset site) {
        return new JiraDataset(site.siteUrl(), site.users(), site.projects(), site.versions(), site.statuses(),
                site.issueTypes(), site.priorities(), site.issues(), List.of(), site.projectRoles());
    }

    private static JiraDataset generatedPart(JiraDataset site, JiraDataset seeded) {
        return new JiraDataset(site.siteUrl(), after(site.users(), seeded.users()), after(site.projects(), seeded.projects()),
                after(site.versions(), seeded.versions()), after(site.statuses(), seeded.statuses()),
                after(site.issueTypes(), seeded.issueTypes()), after(site.priorities(), seeded.priorities()),
                after(site.issues(), seeded.issues()), after(site.groups(), seeded.groups()),
                after(site.projectRoles(), seeded.projectRoles()));
    }

    private static List<ObjectNode> after(List<ObjectNode> both, List<ObjectNode> first) {
        return both.subList(first.size(), both.size());
    }

    /**
     * Every {@code id} by where it sits (the path without array indices: one kind of entity per path), and the
     * custom field ids; status categories are left out, being Jira's fixed ids on every site.
     */
    private static Map<String, Set<String>> idsByKind(JsonNode site) {
        Map<String, Set<String>> ids = new HashMap<>();
        collect(site, "", ids);
        return ids;
    }

    private static void collect(JsonNode node, String path, Map<String, Set<String>> ids) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, path, ids));
            return;
        }
        node.properties().forEach(field -> {
            if (field.getKey().equals("id") && !path.endsWith("/statusCategory")) {
                ids.computeIfAbsent(path, kind -> new HashSet<>()).add(field.getValue().asText());
            }
            if (field.getKey().startsWith("customfield_")) {
                ids.computeIfAbsent("custom fields", kind -> new HashSet<>()).add(field.getKey());
            }
            boolean perField = field.getKey().startsWith("customfield_") && path.endsWith("/fields");
            collect(field.getValue(), path + "/" + (perField ? "customfield" : field.getKey()), ids);
        });
    }

    /** Walks both trees; every difference must be numbers (in values or keys) moved by exactly {@code base}. */
    private static int compare(JsonNode usual, JsonNode moved, long base, String path, List<String> mismatches) {
        if (usual.isContainerNode()) {
            if (usual.size() != moved.size() || usual.getNodeType() != moved.getNodeType()) {
                mismatches.add(path + ": shape differs");
                return 0;
            }
            int count = 0;
            if (usual.isArray()) {
                for (int i = 0; i < usual.size(); i++) {
                    count += compare(usual.get(i), moved.get(i), base, path + "/" + i, mismatches);
                }
                return count;
            }
            List<String> usualNames = new ArrayList<>();
            usual.fieldNames().forEachRemaining(usualNames::add);
            List<String> movedNames = new ArrayList<>();
            moved.fieldNames().forEachRemaining(movedNames::add);
            for (int i = 0; i < usualNames.size(); i++) {
                if (!movedBy(usualNames.get(i), movedNames.get(i), base)) {
                    mismatches.add(path + ": field " + usualNames.get(i) + " became " + movedNames.get(i));
                }
                count += compare(usual.get(usualNames.get(i)), moved.get(movedNames.get(i)), base,
                        path + "/" + usualNames.get(i), mismatches);
            }
            return count;
        }
        if (usual.equals(moved)) {
            return 0;
        }
        boolean ok = usual.isNumber() ? moved.isNumber() && moved.asLong() == usual.asLong() + base
                : usual.isTextual() && moved.isTextual() && movedBy(usual.asText(), moved.asText(), base);
        if (!ok) {
            mismatches.add(path + ": " + usual + " became " + moved);
        }
        return 1;
    }

    /** Whether {@code moved} is {@code usual} with some of its numbers moved by {@code base}. */
    private static boolean movedBy(String usual, String moved, long base) {
        List<String> from = tokens(usual);
        List<String> to = tokens(moved);
        if (from.size() != to.size()) {
            return false;
        }
        for (int i = 0; i < from.size(); i++) {
            String before = from.get(i);
            String after = to.get(i);
            boolean numbers = DIGITS.matcher(before).matches() && DIGITS.matcher(after).matches();
            if (!before.equals(after) && !(numbers && Long.parseLong(after) == Long.parseLong(before) + base)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
