package io.j2o.sandbox.jira;

import io.j2o.sandbox.http.RecordedRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.JiraDateTimes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JiraSimulatorTest {

    private static final JiraDataset DATASET = new DatasetGenerator(7).generate(3, 230);
    private static final Instant NOW = Instant.parse("2025-07-01T08:30:00Z");

    private JiraSimulator simulator;
    private JiraHttp http;

    @BeforeEach
    void start() {
        JiraSimulator.Options options = JiraSimulator.Options.defaults().withTimeZone(ZoneId.of("Europe/Berlin"));
        simulator = new JiraSimulator(DATASET, options).start();
        simulator.clock(Clock.fixed(NOW, ZoneOffset.UTC));
        http = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void missingOrWrongCredentialsGet401WithJiraErrorBody() {
        for (JiraHttp client : List.of(new JiraHttp(simulator.baseUrl(), "j2o@example.com", null),
                new JiraHttp(simulator.baseUrl(), "j2o@example.com", "wrong-token"),
                new JiraHttp(simulator.baseUrl(), "someone@example.com", "sandbox-api-token"))) {
            JiraHttp.Reply reply = client.get("/rest/api/3/myself");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().get("errorMessages").get(0).asText())
                    .isEqualTo("Client must be authenticated to access this resource.");
            assertThat(reply.body().get("errors").isObject()).isTrue();
        }
        assertThat(simulator.requestCount()).isEqualTo(3);
    }

    @Test
    void serverInfoSaysCloudAndMyselfCarriesTheConfiguredZone() {
        assertThat(http.get("/rest/api/3/serverInfo").body().get("deploymentType").asText()).isEqualTo("Cloud");
        JiraHttp.Reply myself = http.get("/rest/api/3/myself");
        assertThat(myself.status()).isEqualTo(200);
        assertThat(myself.body().get("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(myself.body().get("emailAddress").asText()).isEqualTo("j2o@example.com");
    }

    @Test
    void unboundedQueryIsRefused() {
        for (String jql : List.of("ORDER BY key ASC", "")) {
            JiraHttp.Reply reply = http.get("/rest/api/3/search/jql", Map.of("jql", jql));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body().get("errorMessages").get(0).asText()).isEqualTo(
                    "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.");
        }
    }

    @Test
    void malformedOrUnknownJqlIsA400WithJirasMessage() {
        assertThat(error(http.get("/rest/api/3/search/jql", Map.of("jql", "project in (ALPHA"))))
                .isEqualTo("Error in the JQL Query: Expecting ')' before the end of the query.");
        assertThat(error(http.get("/rest/api/3/search/jql", Map.of("jql", "project = NOPE"))))
                .isEqualTo("The value 'NOPE' does not exist for the field 'project'.");
        assertThat(error(http.get("/rest/api/3/search/jql", Map.of("jql", "flavour = sweet"))))
                .isEqualTo("Field 'flavour' does not exist or you do not have permission to view it.");
        assertThat(error(http.get("/rest/api/3/search/jql", Map.of("jql", "updated >= \"yesterday\""))))
                .startsWith("Date value 'yesterday' for field 'updated' is invalid.");
    }

    @Test
    void injectionAttemptIsOneLiteralProjectName() {
        JiraHttp.Reply reply = http.get("/rest/api/3/search/jql", Map.of("jql", "project = \"ALPHA\\\" OR project = BETA\""));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).isEqualTo("The value 'ALPHA\" OR project = BETA' does not exist for the field 'project'.");
    }

    @Test
    void pagingReturnsEveryIssueExactlyOnceOrderedByUpdatedThenKey() {
        List<JsonNode> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of(
                    "jql", "project in (ALPHA, BETA, GAMMA) ORDER BY updated ASC, key ASC",
                    "fields", "updated,summary", "maxResults", "500"));
            if (token != null) {
                query.put("nextPageToken", token);
            }
            JiraHttp.Reply reply = http.get("/rest/api/3/search/jql", query);
            assertThat(reply.status()).isEqualTo(200);
            reply.body().get("issues").forEach(seen::add);
            boolean last = reply.body().get("isLast").asBoolean();
            assertThat(reply.body().has("nextPageToken")).isEqualTo(!last);
            assertThat(reply.body().get("issues").size()).isLessThanOrEqualTo(100);
            token = last ? null : reply.body().get("nextPageToken").asText();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(230);
        assertThat(seen.stream().map(i -> i.get("id").asText()).distinct().count()).isEqualTo(230);
        Comparator<JsonNode> expected = Comparator
                .comparing((JsonNode i) -> JiraDateTimes.parse(i.get("fields").get("updated").asText()))
                .thenComparing(i -> i.get("key").asText(), JqlEvaluator::compareKeys);
        assertThat(seen).isSortedAccordingTo(expected);
    }

    @Test
    void bulkFetchServesIssuesAsTheSearchDoesInAscendingIdOrderWithoutTheUnknownOnes() {
        ObjectNode search = JiraHttp.MAPPER.createObjectNode().put("jql", "project = ALPHA ORDER BY updated DESC").put("maxResults", 30);
        search.putArray("fields").add("*all");
        search.put("expand", "changelog");
        List<JsonNode> searched = new ArrayList<>();
        http.post("/rest/api/3/search/jql", search).body().get("issues").forEach(searched::add);
        ObjectNode fetch = JiraHttp.MAPPER.createObjectNode();
        searched.forEach(issue -> fetch.withArrayProperty("issueIdsOrKeys").add(issue.get("key").asText()));
        fetch.withArrayProperty("issueIdsOrKeys").add("ALPHA-99999").add(searched.get(0).get("id").asText());
        fetch.putArray("fields").add("*all");
        fetch.putArray("expand").add("changelog");

        JiraHttp.Reply fetched = http.post("/rest/api/3/issue/bulkfetch", fetch);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().get("issueErrors")).isEmpty();
        List<JsonNode> expected = new ArrayList<>(searched);
        expected.sort(Comparator.comparingLong(issue -> issue.get("id").asLong()));
        assertThat(fetched.body().get("issues")).containsExactlyElementsOf(expected);
        assertThat(searched).anySatisfy(issue -> assertThat(issue.at("/changelog/total").asInt())
                .isGreaterThan(issue.at("/changelog/histories").size()));
    }

    @Test
    void bulkFetchOfMoreThanAHundredIssuesIsRefused() {
        ObjectNode fetch = JiraHttp.MAPPER.createObjectNode();
        DATASET.issues().stream().limit(101).forEach(issue -> fetch.withArrayProperty("issueIdsOrKeys").add(issue.get("id").asText()));

        JiraHttp.Reply reply = http.post("/rest/api/3/issue/bulkfetch", fetch);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(error(reply)).isEqualTo("The number of issues requested (101) exceeds the maximum of 100.");
    }

    @Test
    void incrementalQueryReturnsIssuesUpdatedAtOrAfterTheMinuteInTheUsersZone() {
        Instant cut = JiraDateTimes.parse(DATASET.issues().get(150).get("fields").get("updated").asText());
        Instant minute = cut.truncatedTo(ChronoUnit.MINUTES);
        String literal = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
                .format(minute.atZone(ZoneId.of("Europe/Berlin")));
        Set<String> expected = new HashSet<>();
        DATASET.issues().stream()
                .filter(i -> !JiraDateTimes.parse(i.get("fields").get("updated").asText()).isBefore(minute))
                .forEach(i -> expected.add(i.get("key").asText()));

        JiraHttp.Reply reply = http.get("/rest/api/3/search/jql", Map.of(
                "jql", "updated >= \"" + literal + "\" ORDER BY updated ASC", "fields", "key", "maxResults", "1000"));
        Set<String> keys = new HashSet<>();
        reply.body().get("issues").forEach(i -> keys.add(i.get("key").asText()));
        assertThat(keys).isEqualTo(expected).contains(DATASET.issues().get(150).get("key").asText());
    }

    @Test
    void updatedIssueShowsUpInTheNextIncrementalRunWithTheSimulatorsTime() {
        String key = DATASET.issues().get(3).get("key").asText();
        ObjectNode updated = simulator.updateIssue(key, fields -> fields.put("summary", "Renamed"));
        assertThat(updated.get("fields").get("updated").asText()).isEqualTo("2025-07-01T08:30:00.000+0000");

        JiraHttp.Reply reply = http.get("/rest/api/3/search/jql", Map.of(
                "jql", "updated >= \"2025-07-01 10:30\"", "fields", "summary,updated"));
        assertThat(reply.body().get("issues")).hasSize(1);
        assertThat(reply.body().get("issues").get(0).get("key").asText()).isEqualTo(key);
        assertThat(reply.body().get("issues").get(0).get("fields").get("summary").asText()).isEqualTo("Renamed");
        assertThat(reply.body().get("isLast").asBoolean()).isTrue();

        // "10:30" matched above only because it is read in Berlin (08:30 UTC); read as UTC it would miss the issue.
        assertThat(http.get("/rest/api/3/search/jql", Map.of("jql", "updated > \"2025/07/01 10:30\""))
                .body().get("issues")).isEmpty();
        assertThat(http.get("/rest/api/3/search/jql", Map.of("jql", "updated >= \"2025/07/01 10:31\""))
                .body().get("issues")).isEmpty();
    }

    @Test
    void createdAndDeletedIssuesAreVisibleAtOnce() {
        ObjectNode created = simulator.createIssue("BETA", "Brand new");
        assertThat(created.get("key").asText()).startsWith("BETA-");
        assertThat(http.get("/rest/api/3/issue/" + created.get("key").asText()).body().get("fields").get("summary").asText())
                .isEqualTo("Brand new");
        assertThat(simulator.deleteIssue(created.get("id").asText())).isTrue();
        JiraHttp.Reply gone = http.get("/rest/api/3/issue/" + created.get("key").asText());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().toString()).isEqualTo(
                "{\"errorMessages\":[\"Issue does not exist or you do not have permission to see it.\"],\"errors\":{}}");
    }

    @Test
    void concurrentCreatesNeverShareAnIdOrKey() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ObjectNode>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                futures.add(pool.submit(() -> simulator.createIssue("ALPHA", "parallel")));
            }
            Set<String> ids = new HashSet<>();
            Set<String> keys = new HashSet<>();
            for (Future<ObjectNode> future : futures) {
                ObjectNode issue = future.get();
                ids.add(issue.get("id").asText());
                keys.add(issue.get("key").asText());
            }
            assertThat(ids).hasSize(200);
            assertThat(keys).hasSize(200);
            assertThat(simulator.issues()).hasSize(230 + 200);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void putIssueAcceptsARawPayload() throws Exception {
        ObjectNode raw = (ObjectNode) JiraHttp.MAPPER.readTree("""
                {"id":"99001","key":"RAW-7","fields":{"summary":"captured","updated":"2025-07-01T08:00:00.000+0000",
                 "project":{"id":"20000","key":"RAW","name":"Raw"}}}""");
        simulator.putIssue(raw);
        JiraHttp.Reply reply = http.get("/rest/api/3/search/jql", Map.of("jql", "project = RAW", "fields", "summary"));
        assertThat(reply.body().get("issues").get(0).get("fields").get("summary").asText()).isEqualTo("captured");
    }

    @Test
    void fieldsParameterProjectsIssues() {
        String jql = "key = " + DATASET.issues().get(0).get("key").asText();
        JsonNode byDefault = http.get("/rest/api/3/search/jql", Map.of("jql", jql)).body().get("issues").get(0);
        assertThat(byDefault.toString()).isEqualTo("{\"id\":\"" + DATASET.issues().get(0).get("id").asText() + "\"}");

        JsonNode some = http.get("/rest/api/3/search/jql", Map.of("jql", jql, "fields", "summary,status"))
                .body().get("issues").get(0);
        assertThat(iterable(some.get("fields").fieldNames())).containsExactlyInAnyOrder("summary", "status");

        JsonNode allButDescription = http.get("/rest/api/3/search/jql", Map.of("jql", jql, "fields", "*all,-description"))
                .body().get("issues").get(0);
        assertThat(iterable(allButDescription.get("fields").fieldNames())).doesNotContain("description")
                .contains("summary", "assignee", "updated", "created", "labels");
        assertThat(allButDescription.get("fields").has("assignee")).isTrue();

        JsonNode whole = http.get("/rest/api/3/issue/" + DATASET.issues().get(0).get("key").asText()).body();
        // Jira embeds how many watch an issue, never who: the watchers resource names them.
        com.fasterxml.jackson.databind.node.ObjectNode served = DATASET.issues().get(0).get("fields").deepCopy();
        served.withObjectProperty("watches").remove("watchers");
        assertThat(whole.get("fields")).isEqualTo(served);
    }

    @Test
    void postSearchTakesFieldsAsArrayAndExpandAsString() {
        ObjectNode body = JiraHttp.MAPPER.createObjectNode();
        body.put("jql", "project = GAMMA ORDER BY key DESC");
        body.putArray("fields").add("summary");
        body.put("expand", "renderedFields,names,changelog");
        body.put("maxResults", 5);
        JiraHttp.Reply reply = http.post("/rest/api/3/search/jql", body);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("issues")).hasSize(5);
        assertThat(reply.body().get("names").get("summary").asText()).isEqualTo("Summary");
        JsonNode first = reply.body().get("issues").get(0);
        assertThat(first.get("changelog").get("histories").isArray()).isTrue();
        assertThat(first.get("renderedFields").has("summary")).isTrue();
        assertThat(reply.body().get("issues")).extracting(i -> i.get("key").asText())
                .isSortedAccordingTo((a, b) -> JqlEvaluator.compareKeys(b, a));
    }

    @Test
    void pageSizeIsCappedButIdsOnlyPagesMayBeLarge() {
        assertThat(http.get("/rest/api/3/search/jql", Map.of("jql", "project = ALPHA OR project = BETA OR project = GAMMA",
                "maxResults", "5000")).body().get("issues")).hasSize(230);
        assertThat(http.get("/rest/api/3/search/jql", Map.of("jql", "project in (ALPHA, BETA, GAMMA)",
                "maxResults", "5000", "fields", "summary")).body().get("issues")).hasSize(100);
    }

    @Test
    void tokenFromAnotherQueryIsRefused() {
        JiraHttp.Reply first = http.get("/rest/api/3/search/jql", Map.of("jql", "project = ALPHA", "maxResults", "1"));
        String token = first.body().get("nextPageToken").asText();
        JiraHttp.Reply other = http.get("/rest/api/3/search/jql", Map.of("jql", "project = BETA", "nextPageToken", token));
        assertThat(other.status()).isEqualTo(400);
    }

    @Test
    void removedSearchEndpointAnswers410() {
        JiraHttp.Reply reply = http.get("/rest/api/3/search", Map.of("jql", "project = ALPHA"));
        assertThat(reply.status()).isEqualTo(410);
        assertThat(error(reply)).startsWith("The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.");
    }

    @Test
    void projectSearchPagesWithStartAtAndTotal() {
        JiraHttp.Reply first = http.get("/rest/api/3/project/search", Map.of("maxResults", "2"));
        assertThat(first.body().get("total").asInt()).isEqualTo(3);
        assertThat(first.body().get("isLast").asBoolean()).isFalse();
        assertThat(first.body().get("values")).extracting(p -> p.get("key").asText()).containsExactly("ALPHA", "BETA");
        assertThat(first.body().get("values").get(0).has("lead")).isFalse();
        JiraHttp.Reply second = http.get("/rest/api/3/project/search", Map.of("startAt", "2", "maxResults", "2",
                "expand", "lead,description"));
        assertThat(second.body().get("isLast").asBoolean()).isTrue();
        assertThat(second.body().get("values")).extracting(p -> p.get("key").asText()).containsExactly("GAMMA");
        assertThat(second.body().get("values").get(0).has("lead")).isTrue();

        assertThat(http.get("/rest/api/3/project/BETA").body().get("id").asText()).isEqualTo("10001");
        assertThat(http.get("/rest/api/3/project/10002").body().get("key").asText()).isEqualTo("GAMMA");
        assertThat(error(http.get("/rest/api/3/project/NOPE"))).isEqualTo("No project could be found with key 'NOPE'.");
    }

    @Test
    void metadataEndpointsServeTheDatasetsReferenceData() {
        assertThat(http.get("/rest/api/3/status").body()).extracting(s -> s.get("name").asText())
                .containsExactly("To Do", "In Progress", "In Review", "Done");
        assertThat(http.get("/rest/api/3/priority").body()).hasSize(5);
        assertThat(http.get("/rest/api/3/issuetype").body()).extracting(t -> t.get("name").asText())
                .contains("Epic", "Task", "Bug", "Story");
        JsonNode firstUsers = http.get("/rest/api/3/users/search", Map.of("maxResults", "5")).body();
        JsonNode restUsers = http.get("/rest/api/3/users/search", Map.of("startAt", "5", "maxResults", "1000")).body();
        assertThat(firstUsers).hasSize(5);
        assertThat(firstUsers.size() + restUsers.size()).isEqualTo(DATASET.users().size());
    }

    @Test
    void requestLogRecordsPathsButNoCredentials() {
        http.get("/rest/api/3/serverInfo");
        assertThat(simulator.requests()).extracting(RecordedRequest::path).containsExactly("/rest/api/3/serverInfo");
        assertThat(simulator.requests().toString()).doesNotContain("sandbox-api-token");
        assertThat(simulator.options().toString()).doesNotContain("sandbox-api-token");
    }

    private static String error(JiraHttp.Reply reply) {
        assertThat(reply.body().get("errors").isObject()).isTrue();
        return reply.body().get("errorMessages").get(0).asText();
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
