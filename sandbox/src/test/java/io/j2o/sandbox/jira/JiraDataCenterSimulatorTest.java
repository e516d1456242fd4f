package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator as a Jira Data Center 10.3 server: REST v2 only, DC's shapes, {@code startAt} paging and its limits. */
class JiraDataCenterSimulatorTest {

    private static final int ISSUES = 90;
    private static final int PAGE_CAP = 20;
    private static final int WINDOW = 60;

    private JiraSimulator simulator;
    private JiraHttp http;

    @BeforeEach
    void start() {
        JiraSimulator.Options options = JiraSimulator.Options.dataCenter().withMaxResultsCap(PAGE_CAP).withSearchWindow(WINDOW);
        simulator = new JiraSimulator(new DatasetGenerator(3).generate(2, ISSUES), options).start();
        simulator.clock(Clock.fixed(Instant.parse("2025-07-01T08:30:00Z"), ZoneOffset.UTC));
        http = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void identifiesItselfAsDataCenterAndDescribesItsUserByNameAndKey() {
        JsonNode info = http.get("/rest/api/2/serverInfo").body();
        assertThat(info.get("deploymentType").asText()).isEqualTo("DataCenter");
        assertThat(info.get("version").asText()).startsWith("10.3.");
        assertThat(info.get("serverTime").asText()).matches(".*T.*\\.\\d{3}\\+0200");

        JsonNode myself = http.get("/rest/api/2/myself").body();
        assertThat(myself.get("name").asText()).isEqualTo("j2o");
        assertThat(myself.get("key").asText()).startsWith("JIRAUSER");
        assertThat(myself.get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(myself.has("emailAddress")).isTrue();
        assertThat(myself.has("accountId")).isFalse();
    }

    @Test
    void cloudResourcesAreNotFoundOnDataCenterAndDataCenterResourcesAreNotFoundOnCloud() {
        for (String cloudOnly : List.of("/rest/api/3/myself", "/rest/api/3/serverInfo", "/rest/api/3/project/search",
                "/rest/api/3/search/jql", "/rest/api/3/issue/ALPHA-1")) {
            assertThat(http.get(cloudOnly, Map.of("jql", "project = ALPHA")).status()).as(cloudOnly).isEqualTo(404);
        }
        assertThat(http.post("/rest/api/3/issue/bulkfetch", JiraHttp.MAPPER.createObjectNode()
                .set("issueIdsOrKeys", JiraHttp.MAPPER.createArrayNode().add("ALPHA-1"))).status()).isEqualTo(404);
        JiraSimulator.Options cloudOptions = JiraSimulator.Options.defaults();
        try (JiraSimulator cloud = new JiraSimulator(new DatasetGenerator(3).generate(1, 3), cloudOptions).start()) {
            JiraHttp cloudHttp = new JiraHttp(cloud.baseUrl(), cloudOptions.email(), cloudOptions.apiToken());
            for (String dataCenterOnly : List.of("/rest/api/2/myself", "/rest/api/2/serverInfo", "/rest/api/2/project",
                    "/rest/api/2/issue/ALPHA-1")) {
                assertThat(cloudHttp.get(dataCenterOnly).status()).as(dataCenterOnly).isEqualTo(404);
            }
        }
    }

    @Test
    void issuesCarryDataCenterUsersWikiMarkupAndTimesInTheServersZone() {
        List<JsonNode> issues = new ArrayList<>();
        http.get("/rest/api/2/search", Map.of("jql", "project = ALPHA", "maxResults", "20")).body().get("issues")
                .forEach(issues::add);
        assertThat(issues).isNotEmpty().allSatisfy(issue -> {
            JsonNode fields = issue.get("fields");
            assertThat(issue.get("self").asText()).contains("/rest/api/2/issue/");
            assertThat(fields.get("reporter").get("name").asText()).isNotBlank();
            assertThat(fields.get("reporter").get("key").asText()).startsWith("JIRAUSER");
            assertThat(fields.get("reporter").has("accountId")).isFalse();
            assertThat(fields.get("updated").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0[12]00");
            assertThat(fields.get("project").get("id").asText()).isNotBlank();
            assertThat(fields.get("issuetype").has("hierarchyLevel")).isFalse();
            assertThat(fields.get("description").isNull() || fields.get("description").isTextual()).isTrue();
        });
        assertThat(issues).anySatisfy(issue -> assertThat(issue.get("fields").get("description").asText())
                .containsAnyOf("*", "_", "{{"));
    }

    @Test
    void searchPagesWithStartAtUnderTheServersPageCapAndReportsTheTotal() {
        Set<String> ids = new HashSet<>();
        for (int startAt = 0; ; startAt += PAGE_CAP) {
            JsonNode page = http.get("/rest/api/2/search", Map.of("jql", "ORDER BY key ASC", "startAt",
                    String.valueOf(startAt), "maxResults", String.valueOf(PAGE_CAP), "fields", "id")).body();
            if (startAt + PAGE_CAP > WINDOW) {
                break;
            }
            assertThat(page.get("startAt").asInt()).isEqualTo(startAt);
            assertThat(page.get("total").asInt()).as("DC accepts unrestricted JQL and counts it").isEqualTo(ISSUES);
            page.get("issues").forEach(issue -> {
                assertThat(issue.get("key").asText()).as("DC sends key and self even for fields=id").isNotBlank();
                assertThat(issue.has("fields")).isFalse();
                ids.add(issue.get("id").asText());
            });
        }
        assertThat(ids).hasSize(WINDOW);

        JsonNode capped = http.get("/rest/api/2/search", Map.of("jql", "project = ALPHA", "maxResults", "5000")).body();
        assertThat(capped.get("maxResults").asInt()).as("the effective page size").isEqualTo(PAGE_CAP);
        assertThat(capped.get("issues").size()).isEqualTo(PAGE_CAP);
    }

    @Test
    void searchReachingPastTheResultWindowFailsWith500AsDataCenterDoes() {
        JiraHttp.Reply inside = http.get("/rest/api/2/search", Map.of("jql", "ORDER BY key", "startAt", "40", "maxResults", "20"));
        assertThat(inside.status()).isEqualTo(200);

        JiraHttp.Reply beyond = http.get("/rest/api/2/search", Map.of("jql", "ORDER BY key", "startAt", "41", "maxResults", "20"));
        assertThat(beyond.status()).isEqualTo(500);
        assertThat(beyond.body().get("errorMessages").get(0).asText())
                .startsWith("Search limit exceeded.").contains("requests 61 results").contains("limit of 60");
    }

    @Test
    void postSearchTakesFieldsAndExpandAsArrays() {
        ObjectNode body = JiraHttp.MAPPER.createObjectNode();
        body.put("jql", "project = BETA ORDER BY updated ASC, key ASC");
        body.put("startAt", 2);
        body.put("maxResults", 3);
        body.putArray("fields").add("summary").add("updated");
        body.putArray("expand").add("names");
        JsonNode page = http.post("/rest/api/2/search", body).body();

        assertThat(page.get("startAt").asInt()).isEqualTo(2);
        assertThat(page.get("issues")).hasSize(3);
        page.get("issues").forEach(issue -> assertThat(issue.get("fields").size()).isEqualTo(2));
        assertThat(page.get("names").get("summary").asText()).isEqualTo("Summary");
    }

    @Test
    void projectsAreOnePlainListAndIssuesAreFoundByKeyOrIdUntilDeleted() {
        JsonNode projects = http.get("/rest/api/2/project").body();
        assertThat(projects.isArray()).isTrue();
        assertThat(projects).extracting(project -> project.get("key").asText()).containsExactly("ALPHA", "BETA");

        ObjectNode issue = simulator.issues().get(0);
        assertThat(http.get("/rest/api/2/issue/" + issue.get("key").asText()).body().get("id")).isEqualTo(issue.get("id"));
        assertThat(simulator.deleteIssue(issue.get("id").asText())).isTrue();
        JiraHttp.Reply gone = http.get("/rest/api/2/issue/" + issue.get("id").asText());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("errorMessages").get(0).asText()).isEqualTo(IssueRoutes.NOT_FOUND);
    }

    @Test
    void editedIssueIsStampedInTheServersZone() {
        String key = simulator.issues().get(3).get("key").asText();
        ObjectNode edited = simulator.updateIssue(key, fields -> fields.put("summary", "edited"));
        assertThat(edited.get("fields").get("updated").asText()).isEqualTo("2025-07-01T10:30:00.000+0200");
    }
}
