package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraFaults.ErrorBody;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault the simulator injects, observed over real HTTP. */
class JiraFaultsTest {

    private static final Instant NOW = Instant.parse("2025-07-01T08:30:00Z");
    private static final String MYSELF = "/rest/api/3/myself";
    private static final String SEARCH = "/rest/api/3/search/jql";
    private static final String BULK_FETCH = "/rest/api/3/issue/bulkfetch";

    private JiraSimulator simulator;
    private JiraHttp http;

    @BeforeEach
    void start() {
        simulator = new JiraSimulator(new DatasetGenerator(3).generate(2, 20), JiraSimulator.Options.defaults()).start();
        simulator.clock(Clock.fixed(NOW, ZoneOffset.UTC));
        http = new JiraHttp(simulator.baseUrl(), simulator.options().email(), simulator.options().apiToken());
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void latencyDelaysEveryRequest() {
        simulator.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(http.get(MYSELF).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void rateLimitAnswersTheNextMatchingRequestsWith429RetryAfterAndReset() {
        simulator.faults().rateLimit("GET", MYSELF, 2, Duration.ofSeconds(3));

        assertThat(http.get("/rest/api/3/serverInfo").status()).as("another path is not limited").isEqualTo(200);
        for (int i = 0; i < 2; i++) {
            JiraHttp.Reply limited = http.get(MYSELF);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body().get("errorMessages").get(0).asText()).isEqualTo(JiraFaults.RATE_LIMITED);
        }
        assertThat(http.get(MYSELF).status()).as("the burst is over").isEqualTo(200);
        assertThat(simulator.faults().pending()).isZero();
    }

    @Test
    void rateLimitedResponseCarriesJirasHeaders() throws IOException {
        simulator.faults().rateLimit(null, MYSELF, 1, Duration.ofMillis(1500));
        try (Response response = raw().newCall(authorized(MYSELF)).execute()) {
            assertThat(response.code()).isEqualTo(429);
            assertThat(response.header("Retry-After")).as("whole seconds, rounded up").isEqualTo("2");
            assertThat(response.header("X-RateLimit-Reset")).isEqualTo("2025-07-01T08:30:02Z");
            assertThat(response.header("RateLimit-Reason")).isEqualTo("jira-burst-based");
            assertThat(response.header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void serverErrorsCarryJirasJsonOrAProxysHtml() {
        simulator.faults().serverErrors("POST", SEARCH, 1, 503, ErrorBody.JIRA)
                .serverErrors("POST", SEARCH, 1, 502, ErrorBody.PROXY);
        var query = JiraHttp.MAPPER.createObjectNode().put("jql", "project = ALPHA");

        JiraHttp.Reply jira = http.post(SEARCH, query);
        assertThat(jira.status()).isEqualTo(503);
        assertThat(jira.contentType()).startsWith("application/json");
        assertThat(jira.body().get("errorMessages").get(0).asText()).isEqualTo("Service Unavailable");

        JiraHttp.Reply proxy = http.post(SEARCH, query);
        assertThat(proxy.status()).isEqualTo(502);
        assertThat(proxy.contentType()).startsWith("text/html");
        assertThat(proxy.rawBody()).contains("<title>502 Bad Gateway</title>");

        assertThat(http.post(SEARCH, query).status()).isEqualTo(200);
    }

    @Test
    void htmlPageCanComeWithStatus200() {
        simulator.faults().htmlPage("GET", "/rest/api/3/project", 1, 200);
        JiraHttp.Reply page = http.get("/rest/api/3/project/search");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).as("not JSON").isNull();
        assertThat(page.rawBody()).startsWith("<!DOCTYPE html>").contains("maintenance");
        assertThat(http.get("/rest/api/3/project/search").body().get("values").size()).isEqualTo(2);
    }

    @Test
    void droppedConnectionEndsWithoutAnyResponse() throws IOException {
        simulator.faults().dropConnection("GET", MYSELF, 1);
        OkHttpClient client = raw();
        assertThatThrownBy(() -> client.newCall(authorized(MYSELF)).execute().close())
                .isInstanceOf(IOException.class);
        try (Response next = client.newCall(authorized(MYSELF)).execute()) {
            assertThat(next.code()).as("only one connection is dropped").isEqualTo(200);
        }
        assertThat(simulator.requestCount()).isEqualTo(2);
    }

    @Test
    void searchLagHidesARecentUpdateFromSearchWhileTheIssueAlreadyShowsIt() {
        String key = simulator.issues().get(0).get("key").asText();
        simulator.faults().searchLag(Duration.ofSeconds(5));
        simulator.updateIssue(key, fields -> fields.put("summary", "just edited"));
        Map<String, String> byKey = Map.of("jql", "key = " + key, "fields", "summary");

        assertThat(http.get(SEARCH, byKey).body().get("issues").size()).as("not indexed yet").isZero();
        assertThat(http.get("/rest/api/3/issue/" + key).body().at("/fields/summary").asText()).isEqualTo("just edited");

        simulator.clock(Clock.fixed(NOW.plusSeconds(5), ZoneOffset.UTC));
        assertThat(http.get(SEARCH, byKey).body().at("/issues/0/fields/summary").asText()).isEqualTo("just edited");
    }

    @Test
    void bulkFetchIssueErrorsNameTheLowestIdIssueInIssueErrorsInsteadOfIssuesForTheNextFetches() {
        ObjectNode fetch = JiraHttp.MAPPER.createObjectNode();
        simulator.issues().stream().limit(3).forEach(issue -> fetch.withArrayProperty("issueIdsOrKeys").add(issue.get("id").asText()));
        List<String> lowestFirst = simulator.issues().stream().limit(3).map(issue -> issue.get("id").asText())
                .sorted(Comparator.comparingLong(Long::parseLong)).toList();
        simulator.faults().bulkFetchIssueErrors(1);

        JsonNode faulty = http.post(BULK_FETCH, fetch).body();
        JsonNode next = http.post(BULK_FETCH, fetch).body();

        assertThat(faulty.get("issueErrors")).hasSize(1);
        assertThat(faulty.at("/issueErrors/0/id").asText()).isEqualTo(lowestFirst.get(0));
        assertThat(faulty.at("/issueErrors/0/errorMessage").asText()).isEqualTo(JiraFaults.ISSUE_NOT_RETURNED);
        assertThat(faulty.get("issues")).extracting(issue -> issue.get("id").asText()).containsExactlyElementsOf(lowestFirst.subList(1, 3));
        assertThat(next.get("issueErrors")).as("only the next fetch").isEmpty();
        assertThat(next.get("issues")).extracting(issue -> issue.get("id").asText()).containsExactlyElementsOf(lowestFirst);
    }

    @Test
    void clearRemovesEveryPendingFault() {
        simulator.faults().bulkFetchIssueErrors(2);
        simulator.faults().rateLimit(null, "/", 5, Duration.ofSeconds(1)).latency(Duration.ofSeconds(5));
        simulator.faults().clear();
        assertThat(simulator.faults().pending()).isZero();
        assertThat(http.get(MYSELF).status()).isEqualTo(200);
    }

    /** A client that does not silently retry a dropped connection, so the test sees what happened on the wire. */
    private static OkHttpClient raw() {
        return new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    }

    private Request authorized(String path) {
        return new Request.Builder().url(simulator.baseUrl() + path)
                .header("Authorization", Credentials.basic(simulator.options().email(), simulator.options().apiToken()))
                .build();
    }
}
