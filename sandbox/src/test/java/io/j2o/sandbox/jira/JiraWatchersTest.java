package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Issues say how many watch them; the watchers resource names them, as each flavour shapes a user. */
class JiraWatchersTest {

    private static final JiraDataset DATASET = new DatasetGenerator(42).generate(3, 120);

    @Test
    void theDatasetGivesIssuesZeroToThreeDistinctWatchersTheSameForTheSameSeed() {
        assertThat(DATASET.issues()).allSatisfy(issue -> {
            JsonNode watches = issue.at("/fields/watches");
            assertThat(watches.get("watchCount").asInt()).isBetween(0, 3).isEqualTo(watches.get("watchers").size());
            Set<String> ids = stream(watches.get("watchers")).map(user -> user.get("accountId").asText()).collect(Collectors.toSet());
            assertThat(ids).hasSize(watches.get("watchers").size());
        });
        assertThat(DATASET.issues()).extracting(issue -> issue.at("/fields/watches/watchCount").asInt())
                .contains(0, 1, 2, 3);
        assertThat(new DatasetGenerator(42).generate(3, 120).issues()).isEqualTo(DATASET.issues());
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void issuesEmbedOnlyTheCountAndTheResourceListsTheWatchers(JiraSimulator.Flavour flavour) {
        String watched = DATASET.issues().stream().filter(i -> i.at("/fields/watches/watchCount").asInt() == 3)
                .findFirst().orElseThrow().get("key").asText();
        JiraSimulator.Options options = flavour == JiraSimulator.Flavour.CLOUD
                ? JiraSimulator.Options.defaults() : JiraSimulator.Options.dataCenter();
        try (JiraSimulator simulator = new JiraSimulator(DATASET, options).start()) {
            JiraHttp http = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken());
            JsonNode watches = http.get(flavour.apiPath() + "/issue/" + watched).body().at("/fields/watches");
            assertThat(watches.get("watchCount").asInt()).isEqualTo(3);
            assertThat(watches.get("isWatching").asBoolean()).isFalse();
            assertThat(watches.has("watchers")).isFalse();
            assertThat(watches.get("self").asText()).endsWith(flavour.apiPath() + "/issue/" + watched + "/watchers");

            JiraHttp.Reply response = http.get(flavour.apiPath() + "/issue/" + watched + "/watchers");
            assertThat(response.status()).isEqualTo(200);
            JsonNode body = response.body();
            assertThat(body.get("watchCount").asInt()).isEqualTo(3);
            assertThat(body.get("watchers")).hasSize(3).allSatisfy(user -> {
                assertThat(user.has("displayName")).isTrue();
                if (flavour == JiraSimulator.Flavour.CLOUD) {
                    assertThat(user.get("accountId").asText()).isNotEmpty();
                } else {
                    assertThat(user.get("key").asText()).startsWith("JIRAUSER");
                    assertThat(user.has("name")).isTrue();
                    assertThat(user.has("accountId")).isFalse();
                }
            });
            JsonNode search = flavour == JiraSimulator.Flavour.CLOUD
                    ? http.get("/rest/api/3/search/jql", Map.of("jql", "key = " + watched, "fields", "*all")).body()
                    : http.get("/rest/api/2/search", Map.of("jql", "key = " + watched)).body();
            assertThat(search.at("/issues/0/fields/watches/watchCount").asInt()).isEqualTo(3);
            assertThat(search.at("/issues/0/fields/watches").has("watchers")).isFalse();
            assertThat(http.get(flavour.apiPath() + "/issue/NOPE-1/watchers").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void watchingAndUnwatchingChangeTheListAndCountButNotUpdated(JiraSimulator.Flavour flavour) {
        JiraSimulator.Options options = flavour == JiraSimulator.Flavour.CLOUD
                ? JiraSimulator.Options.defaults() : JiraSimulator.Options.dataCenter();
        try (JiraSimulator simulator = new JiraSimulator(DATASET, options).start()) {
            String idField = flavour == JiraSimulator.Flavour.CLOUD ? "accountId" : "key";
            JsonNode issue = simulator.issues().stream().filter(i -> i.at("/fields/watches/watchCount").asInt() == 1)
                    .findFirst().orElseThrow();
            String key = issue.get("key").asText();
            String watching = issue.at("/fields/watches/watchers/0/" + idField).asText();
            String newcomer = simulator.users().stream().map(user -> user.get(idField).asText())
                    .filter(id -> !id.equals(watching)).findFirst().orElseThrow();

            simulator.watch(key, newcomer);
            simulator.watch(key, newcomer);
            simulator.unwatch(key, watching);

            JiraHttp http = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken());
            JsonNode listed = http.get(flavour.apiPath() + "/issue/" + key + "/watchers").body();
            assertThat(stream(listed.get("watchers")).map(user -> user.get(idField).asText())).containsExactly(newcomer);
            assertThat(listed.get("watchCount").asInt()).isEqualTo(1);
            JsonNode search = flavour == JiraSimulator.Flavour.CLOUD
                    ? http.get("/rest/api/3/search/jql", Map.of("jql", "key = " + key, "fields", "id,watches")).body()
                    : http.get("/rest/api/2/search", Map.of("jql", "key = " + key, "fields", "id,watches")).body();
            assertThat(search.at("/issues/0/fields/watches/watchCount").asInt()).isEqualTo(1);
            assertThat(search.at("/issues/0/fields").size()).as("only the watches asked for").isEqualTo(1);
            assertThat(simulator.issue(key).orElseThrow().at("/fields/updated")).isEqualTo(issue.at("/fields/updated"));

            simulator.unwatch(key, newcomer);
            assertThat(http.get("/rest/api/" + (flavour == JiraSimulator.Flavour.CLOUD ? "3/search/jql" : "2/search"),
                    Map.of("jql", "key = " + key, "fields", "watches")).body().at("/issues/0/fields/watches/watchCount").asInt())
                    .isZero();
        }
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
