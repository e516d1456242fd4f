package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Worklogs edited or deleted without touching their issue are found through /worklog/updated and /worklog/deleted. */
class JiraWorklogChangesTest {

    private static final JiraDataset DATASET = new DatasetGenerator(42).generate(2, 60);

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void anEditedOrDeletedWorklogIsListedAfterItsTimeAndLeadsToItsIssue(JiraSimulator.Flavour flavour) {
        JiraSimulator.Options options = flavour == JiraSimulator.Flavour.CLOUD
                ? JiraSimulator.Options.defaults() : JiraSimulator.Options.dataCenter();
        try (JiraSimulator simulator = new JiraSimulator(DATASET, options).start()) {
            JiraHttp http = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken());
            String api = flavour.apiPath();
            ObjectNode issue = simulator.issues().stream().filter(i -> i.at("/fields/worklog/worklogs").size() >= 2)
                    .findFirst().orElseThrow();
            String edited = issue.at("/fields/worklog/worklogs/0/id").asText();
            String deleted = issue.at("/fields/worklog/worklogs/1/id").asText();
            Instant now = DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(2));
            simulator.clock(Clock.fixed(now, ZoneOffset.UTC));
            String since = String.valueOf(now.minusSeconds(1).toEpochMilli());

            simulator.updateWorklog(issue.get("key").asText(), edited, worklog -> worklog.put("timeSpentSeconds", 60));
            simulator.deleteWorklog(issue.get("key").asText(), deleted);

            JsonNode updated = http.get(api + "/worklog/updated", Map.of("since", since)).body();
            assertThat(updated.get("values")).singleElement().satisfies(change -> {
                assertThat(change.get("worklogId").asText()).isEqualTo(edited);
                assertThat(change.get("updatedTime").asLong()).isEqualTo(now.toEpochMilli());
            });
            assertThat(updated.get("lastPage").asBoolean()).isTrue();
            assertThat(updated.get("until").asLong()).isEqualTo(now.toEpochMilli());
            assertThat(http.get(api + "/worklog/updated", Map.of("since", String.valueOf(now.toEpochMilli()))).body()
                    .get("values")).as("strictly after since").isEmpty();

            JsonNode listed = http.post(api + "/worklog/list", JiraHttp.MAPPER.createObjectNode()
                    .set("ids", JiraHttp.MAPPER.createArrayNode().add(Long.parseLong(edited)))).body();
            assertThat(listed).singleElement().satisfies(worklog -> {
                assertThat(worklog.get("issueId").asText()).isEqualTo(issue.get("id").asText());
                assertThat(worklog.get("timeSpentSeconds").asInt()).isEqualTo(60);
            });

            assertThat(http.get(api + "/worklog/deleted", Map.of("since", since)).body().get("values"))
                    .extracting(change -> change.get("worklogId").asText()).containsExactly(deleted);
            ObjectNode stored = simulator.issue(issue.get("key").asText()).orElseThrow();
            assertThat(stored.at("/fields/updated")).as("the issue was not touched").isEqualTo(issue.at("/fields/updated"));
            assertThat(stored.at("/fields/worklog/worklogs").findValuesAsText("id")).doesNotContain(deleted);
        }
    }
}
