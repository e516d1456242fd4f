package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.j2o.sandbox.dataset.JiraDataset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issues have a history: Cloud embeds the recent part and pages the rest, Data Center embeds it whole; edits add to it. */
class JiraChangelogTest {

    private static final JiraDataset DATASET = new DatasetGenerator(42).generate(3, 120);

    @Test
    void theDatasetGivesTouchedIssuesAHistoryAndAFewMoreThanJiraEmbeds() {
        assertThat(DATASET.issues()).allSatisfy(issue -> {
            boolean touched = !issue.at("/fields/created").equals(issue.at("/fields/updated"));
            assertThat(issue.at("/changelog/histories").isEmpty()).isEqualTo(!touched);
        });
        assertThat(DATASET.issues()).anySatisfy(issue ->
                assertThat(issue.at("/changelog/histories").size()).isGreaterThan(IssueChangelog.EMBEDDED));
        assertThat(new DatasetGenerator(42).generate(3, 120).issues()).isEqualTo(DATASET.issues());
    }

    @Test
    void cloudEmbedsTheRecentHistoriesWithTheRealTotalAndPagesThemAllOldestFirst() {
        ObjectNode longIssue = longest();
        List<JsonNode> stored = new ArrayList<>();
        longIssue.at("/changelog/histories").forEach(stored::add);
        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start()) {
            JiraHttp http = http(simulator);
            JsonNode changelog = http.get("/rest/api/3/issue/" + longIssue.get("key").asText(), Map.of("expand", "changelog"))
                    .body().get("changelog");
            assertThat(changelog.get("total").asInt()).isEqualTo(stored.size());
            assertThat(changelog.get("histories")).hasSize(IssueChangelog.EMBEDDED)
                    .containsExactlyElementsOf(stored.subList(stored.size() - IssueChangelog.EMBEDDED, stored.size()));
            assertThat(http.get("/rest/api/3/issue/" + longIssue.get("key").asText(), Map.of()).body().has("changelog"))
                    .as("only when expanded").isFalse();

            List<JsonNode> paged = new ArrayList<>();
            JsonNode page;
            do {
                page = http.get("/rest/api/3/issue/" + longIssue.get("id").asText() + "/changelog",
                        Map.of("startAt", String.valueOf(paged.size()), "maxResults", "20")).body();
                page.get("values").forEach(paged::add);
            } while (!page.get("isLast").asBoolean());
            assertThat(paged).containsExactlyElementsOf(stored);
            assertThat(http.get("/rest/api/3/issue/NOPE-1/changelog", Map.of()).status()).isEqualTo(404);
        }
    }

    @Test
    void dataCenterEmbedsTheWholeHistoryAndHasNoChangelogResource() {
        ObjectNode longIssue = longest();
        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.dataCenter()).start()) {
            JiraHttp http = http(simulator);
            JsonNode changelog = http.get("/rest/api/2/issue/" + longIssue.get("key").asText(), Map.of("expand", "changelog"))
                    .body().get("changelog");
            assertThat(changelog.get("histories")).hasSize(longIssue.at("/changelog/histories").size());
            assertThat(changelog.get("total").asInt()).isEqualTo(changelog.get("histories").size());
            assertThat(changelog.at("/histories/0/author").has("key")).isTrue();
            assertThat(changelog.at("/histories/0/items/0").has("fieldId")).isFalse();
            assertThat(http.get("/rest/api/2/issue/" + longIssue.get("key").asText() + "/changelog", Map.of()).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void cloudBulkFetchesTheHistoriesOfSeveralIssuesOldestFirstPagedByTokenAsEachIssueStoresThem() {
        List<ObjectNode> issues = DATASET.issues().stream()
                .filter(issue -> issue.at("/changelog/histories").size() > 1).limit(5).toList();
        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start()) {
            JiraHttp http = http(simulator);
            ObjectNode request = JiraHttp.MAPPER.createObjectNode().put("maxResults", 7);
            issues.forEach(issue -> request.withArrayProperty("issueIdsOrKeys").add(issue.get("id").asText()));
            request.withArrayProperty("issueIdsOrKeys").add("ALPHA-99999");

            Map<String, List<JsonNode>> byIssue = new LinkedHashMap<>();
            int pages = 0;
            Instant latestOfPreviousPages = Instant.MIN;
            JsonNode page;
            do {
                page = http.post(ChangelogBulkFetchRoutes.PATH, request).body();
                pages++;
                List<Instant> created = new ArrayList<>();
                for (JsonNode issueLog : page.get("issueChangeLogs")) {
                    for (JsonNode history : issueLog.get("changeHistories")) {
                        byIssue.computeIfAbsent(issueLog.get("issueId").asText(), id -> new ArrayList<>()).add(history);
                        created.add(JiraDateTimes.parse(history.get("created").asText()));
                    }
                }
                Instant earliest = created.stream().min(Instant::compareTo).orElseThrow();
                assertThat(created).hasSizeLessThanOrEqualTo(7);
                assertThat(earliest).as("a page holds the oldest histories not served yet").isAfterOrEqualTo(latestOfPreviousPages);
                latestOfPreviousPages = created.stream().max(Instant::compareTo).orElseThrow();
                request.put("nextPageToken", page.path("nextPageToken").asText());
            } while (page.has("nextPageToken"));

            int total = issues.stream().mapToInt(issue -> issue.at("/changelog/histories").size()).sum();
            assertThat(pages).isEqualTo((total + 6) / 7);
            assertThat(byIssue.keySet()).containsExactlyInAnyOrderElementsOf(issues.stream().map(issue -> issue.get("id").asText()).toList());
            issues.forEach(issue -> assertThat(byIssue.get(issue.get("id").asText()))
                    .containsExactlyElementsOf(issue.at("/changelog/histories")));
            request.withArrayProperty("issueIdsOrKeys").remove(0);
            assertThat(http.post(ChangelogBulkFetchRoutes.PATH, request).status()).as("a token for other issues").isEqualTo(400);
        }
    }

    @Test
    void cloudBulkFetchOfHistoriesRefusesTooManyIssuesAndDataCenterHasNone() {
        ObjectNode tooMany = JiraHttp.MAPPER.createObjectNode();
        for (int id = 1; id <= ChangelogBulkFetchRoutes.MAX_ISSUES + 1; id++) {
            tooMany.withArrayProperty("issueIdsOrKeys").add(String.valueOf(id));
        }
        ObjectNode oneIssue = JiraHttp.MAPPER.createObjectNode();
        oneIssue.putArray("issueIdsOrKeys").add(longest().get("id").asText());
        try (JiraSimulator cloud = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start();
             JiraSimulator dataCenter = new JiraSimulator(DATASET, JiraSimulator.Options.dataCenter()).start()) {
            assertThat(http(cloud).post(ChangelogBulkFetchRoutes.PATH, tooMany).status()).isEqualTo(400);
            assertThat(http(cloud).post(ChangelogBulkFetchRoutes.PATH, oneIssue.deepCopy().put("maxResults", 10_001)).status())
                    .isEqualTo(400);
            assertThat(http(dataCenter).post(ChangelogBulkFetchRoutes.PATH, oneIssue).status()).isEqualTo(404);
        }
    }

    @Test
    void anEditAddsAHistoryNamingTheFieldsItChanged() {
        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start()) {
            simulator.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(1)), ZoneOffset.UTC));
            String key = DATASET.issues().get(0).get("key").asText();
            int before = simulator.issue(key).orElseThrow().at("/changelog/histories").size();
            simulator.updateIssue(key, fields -> fields.put("summary", "Renamed"));
            JsonNode histories = simulator.issue(key).orElseThrow().at("/changelog/histories");
            assertThat(histories).hasSize(before + 1);
            JsonNode last = histories.get(before);
            assertThat(last.get("created").asText()).isEqualTo(simulator.issue(key).orElseThrow().at("/fields/updated").asText());
            assertThat(last.get("items")).singleElement().satisfies(item -> {
                assertThat(item.get("field").asText()).isEqualTo("summary");
                assertThat(item.get("toString").asText()).isEqualTo("Renamed");
            });
        }
    }

    private static ObjectNode longest() {
        return DATASET.issues().stream().max((a, b) -> a.at("/changelog/histories").size() - b.at("/changelog/histories").size())
                .orElseThrow();
    }

    private static JiraHttp http(JiraSimulator simulator) {
        return new JiraHttp(simulator.baseUrl(), simulator.options().email(), simulator.options().apiToken());
    }
}
