package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One Jira site serving a seeded dataset (e.g. real Jira JSON read by the simulator's seed directory) and a generated
 * one together, on the seeded site's URL.
 *
 * <p>The generated part is generated at an id base above every numeric id of the seeded part ({@link #idBaseAbove}),
 * so no id of one kind names two entities. A generated project whose key the seeded part already uses is renamed
 * deterministically ({@link DatasetGenerator#withProjectKeysTaken}) rather than refused: the generator's keys are
 * arbitrary while the seed is someone's real data, so renaming lets any seed take generated issues. Statuses, types
 * and priorities of both parts are all listed, as a real site can hold two statuses of one name.
 *
 * @param generatedIds where the generated part's ids start, e.g. to name its custom fields in a mapping
 */
public record SiteMix(JiraDataset dataset, GeneratedIds generatedIds) {

    /** The generated part starts at a multiple of this, a round number to recognise its ids by. */
    static final long BASE_STEP = 10_000_000;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,15}");
    private static final String CUSTOM_FIELD = "customfield_";

    /** {@code seeded} with a site generated from {@code seed} with {@code projects} projects and {@code issues} issues. */
    public static SiteMix of(JiraDataset seeded, long seed, int projects, int issues) {
        GeneratedIds ids = new GeneratedIds(idBaseAbove(seeded));
        JiraDataset generated = new DatasetGenerator(seed, seeded.siteUrl()).withIdBase(ids.base())
                .withProjectKeysTaken(keys(seeded.projects(), "key")).generate(projects, issues);
        return new SiteMix(union(seeded, generated), ids);
    }

    /**
     * The next multiple of {@value #BASE_STEP} above the largest numeric id anywhere in {@code dataset}: every
     * {@code id} and {@code …Id} value made of digits, and the numbers of {@code customfield_…} keys.
     */
    static long idBaseAbove(JiraDataset dataset) {
        long largest = dataset.toJson().properties().stream().map(Map.Entry::getValue)
                .mapToLong(SiteMix::largestId).max().orElse(0);
        return (largest / BASE_STEP + 1) * BASE_STEP;
    }

    private static long largestId(JsonNode node) {
        long largest = 0;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String name = field.getKey();
                JsonNode value = field.getValue();
                if ((name.equals("id") || name.endsWith("Id")) && value.isValueNode() && DIGITS.matcher(value.asText()).matches()) {
                    largest = Math.max(largest, Long.parseLong(value.asText()));
                }
                if (name.startsWith(CUSTOM_FIELD) && DIGITS.matcher(name.substring(CUSTOM_FIELD.length())).matches()) {
                    largest = Math.max(largest, Long.parseLong(name.substring(CUSTOM_FIELD.length())));
                }
                largest = Math.max(largest, largestId(value));
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                largest = Math.max(largest, largestId(element));
            }
        }
        return largest;
    }

    /** Both sites' entities, the seeded first; refuses two entities of one kind under one identity. */
    static JiraDataset union(JiraDataset seeded, JiraDataset generated) {
        requireDisjoint("user accountId", seeded.users(), generated.users(), "accountId");
        requireDisjoint("project id", seeded.projects(), generated.projects(), "id");
        requireDisjoint("project key", seeded.projects(), generated.projects(), "key");
        requireDisjoint("version id", seeded.versions(), generated.versions(), "id");
        requireDisjoint("status id", seeded.statuses(), generated.statuses(), "id");
        requireDisjoint("issue type id", seeded.issueTypes(), generated.issueTypes(), "id");
        requireDisjoint("priority id", seeded.priorities(), generated.priorities(), "id");
        requireDisjoint("issue id", seeded.issues(), generated.issues(), "id");
        requireDisjoint("issue key", seeded.issues(), generated.issues(), "key");
        requireDisjoint("group name", seeded.groups(), generated.groups(), "name");
        requireDisjoint("project role", seeded.projectRoles(), generated.projectRoles(), "self");
        return new JiraDataset(seeded.siteUrl(), both(seeded, generated, JiraDataset::users),
                both(seeded, generated, JiraDataset::projects), both(seeded, generated, JiraDataset::versions),
                both(seeded, generated, JiraDataset::statuses), both(seeded, generated, JiraDataset::issueTypes),
                both(seeded, generated, JiraDataset::priorities), both(seeded, generated, JiraDataset::issues),
                both(seeded, generated, JiraDataset::groups), both(seeded, generated, JiraDataset::projectRoles));
    }

    private static void requireDisjoint(String kind, List<ObjectNode> seeded, List<ObjectNode> generated, String field) {
        Set<String> shared = new HashSet<>(keys(seeded, field));
        shared.retainAll(keys(generated, field));
        if (!shared.isEmpty()) {
            throw new IllegalArgumentException("the seeded and the generated site both hold " + kind + " "
                    + shared.stream().sorted().limit(5).toList() + "; one site cannot serve both");
        }
    }

    private static Set<String> keys(List<ObjectNode> entities, String field) {
        return entities.stream().map(entity -> entity.path(field).asText(null)).filter(key -> key != null)
                .collect(Collectors.toSet());
    }

    private static List<ObjectNode> both(JiraDataset seeded, JiraDataset generated,
            Function<JiraDataset, List<ObjectNode>> kind) {
        return Stream.concat(kind.apply(seeded).stream(), kind.apply(generated).stream()).toList();
    }
}
