package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A generated site has groups; both flavours list them and page their members as Jira does. */
class JiraGroupsTest {

    private static final JiraDataset DATASET = new DatasetGenerator(42).generate(3, 30);

    @Test
    void theDatasetHasAdministratorsOneDeveloperGroupPerProjectAndAnEmptyGroupTheSameForTheSameSeed() {
        assertThat(DATASET.groups()).extracting(group -> group.get("name").asText())
                .containsExactly("alpha-developers", "beta-developers", "former-contractors", "gamma-developers",
                        "jira-administrators");
        assertThat(DATASET.groups()).filteredOn(group -> group.get("name").asText().endsWith("-developers"))
                .allSatisfy(group -> assertThat(group.get("users").size()).isGreaterThanOrEqualTo(3));
        assertThat(DATASET.groups()).filteredOn(group -> group.get("name").asText().equals("former-contractors"))
                .singleElement().satisfies(group -> assertThat(group.get("users").isEmpty()).isTrue());
        assertThat(new DatasetGenerator(42).generate(3, 30).groups()).isEqualTo(DATASET.groups());
        assertThat(new DatasetGenerator(42).generate(3, 30).issues()).isEqualTo(DATASET.issues());
    }

    @Test
    void cloudListsGroupsAndPagesMembersByGroupIdWithInactiveOnesOnlyWhenAsked() {
        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start()) {
            JiraHttp http = http(simulator);
            JsonNode first = http.get("/rest/api/3/group/bulk", Map.of("maxResults", "2")).body();
            assertThat(first.get("isLast").asBoolean()).isFalse();
            assertThat(first.get("total").asInt()).isEqualTo(5);
            List<String> names = new ArrayList<>();
            for (int startAt = 0; startAt < 5; startAt += 2) {
                http.get("/rest/api/3/group/bulk", Map.of("startAt", "" + startAt, "maxResults", "2")).body()
                        .get("values").forEach(group -> names.add(group.get("name").asText()));
            }
            assertThat(names).isEqualTo(simulator.groups().stream().map(group -> group.get("name").asText()).toList());

            ObjectNode group = largestGroup(simulator);
            List<JsonNode> members = pagedMembers(http, "/rest/api/3/group/member",
                    Map.of("groupId", group.get("groupId").asText(), "includeInactiveUsers", "true"));
            assertThat(members).containsExactlyElementsOf(group.get("users"));
            assertThat(members.get(0).has("accountId")).isTrue();

            JsonNode activeOnly = http.get("/rest/api/3/group/member", Map.of("groupname", group.get("name").asText())).body();
            assertThat(activeOnly.get("total").asInt()).isEqualTo(StreamSupport.stream(group.get("users").spliterator(), false)
                    .filter(user -> user.get("active").asBoolean()).count());
            assertThat(http.get("/rest/api/3/group/member", Map.of("groupId", "nope")).status()).isEqualTo(404);
            assertThat(http.get("/rest/api/3/group/member", Map.of()).status()).isEqualTo(400);
            assertThat(http.get("/rest/api/2/groups/picker", Map.of()).status()).isEqualTo(404);
        }
    }

    @Test
    void dataCenterPicksGroupsByNameAndPagesMembersByGroupName() {
        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.dataCenter()).start()) {
            JiraHttp http = http(simulator);
            JsonNode picked = http.get("/rest/api/2/groups/picker", Map.of("maxResults", "2")).body();
            assertThat(picked.get("total").asInt()).isEqualTo(5);
            assertThat(picked.get("groups")).hasSize(2);
            JsonNode all = http.get("/rest/api/2/groups/picker", Map.of("maxResults", "100")).body();
            assertThat(StreamSupport.stream(all.get("groups").spliterator(), false).map(g -> g.get("name").asText()).toList())
                    .isEqualTo(simulator.groups().stream().map(group -> group.get("name").asText()).toList());
            assertThat(simulator.groups()).allSatisfy(group -> assertThat(group.has("groupId")).isFalse());

            ObjectNode group = largestGroup(simulator);
            List<JsonNode> members = pagedMembers(http, "/rest/api/2/group/member",
                    Map.of("groupname", group.get("name").asText(), "includeInactiveUsers", "true"));
            assertThat(members).containsExactlyElementsOf(group.get("users"));
            assertThat(members.get(0).has("key")).isTrue();
            assertThat(members.get(0).has("accountId")).isFalse();
            assertThat(http.get("/rest/api/2/group/member", Map.of("groupname", "nope")).status()).isEqualTo(404);
            assertThat(http.get("/rest/api/3/group/bulk", Map.of()).status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void aSeededSiteWithoutGroupsServesNone(JiraSimulator.Flavour flavour) {
        JiraDataset withoutGroups = new JiraDataset(DATASET.siteUrl(), DATASET.users(), DATASET.projects(), DATASET.versions(),
                DATASET.statuses(), DATASET.issueTypes(), DATASET.priorities(), DATASET.issues());
        JiraSimulator.Options options = flavour == JiraSimulator.Flavour.CLOUD
                ? JiraSimulator.Options.defaults() : JiraSimulator.Options.dataCenter();
        try (JiraSimulator simulator = new JiraSimulator(withoutGroups, options).start()) {
            assertThat(simulator.groups()).isEmpty();
            JsonNode body = flavour == JiraSimulator.Flavour.CLOUD
                    ? http(simulator).get("/rest/api/3/group/bulk", Map.of()).body().get("values")
                    : http(simulator).get("/rest/api/2/groups/picker", Map.of()).body().get("groups");
            assertThat(body).isEmpty();
        }
    }

    /** Reads every page with a page size of 2, so that members span several pages. */
    private static List<JsonNode> pagedMembers(JiraHttp http, String path, Map<String, String> query) {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            Map<String, String> paged = new java.util.HashMap<>(query);
            paged.put("startAt", String.valueOf(all.size()));
            paged.put("maxResults", "2");
            JsonNode page = http.get(path, paged).body();
            page.get("values").forEach(all::add);
            if (page.get("isLast").asBoolean()) {
                return all;
            }
        }
    }

    private static ObjectNode largestGroup(JiraSimulator simulator) {
        return simulator.groups().stream().max((a, b) -> a.get("users").size() - b.get("users").size()).orElseThrow();
    }

    private static JiraHttp http(JiraSimulator simulator) {
        return new JiraHttp(simulator.baseUrl(), simulator.options().email(), simulator.options().apiToken());
    }
}
