package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.http.RecordedRequest;
import io.j2o.sandbox.jira.JiraSimulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The truncated histories of a fetched batch, read together, come out as the per-issue reads make them, for fewer requests. */
class BatchChangelogCompleterTest {

    private static final String BULK_FETCH = "/rest/api/3/issue/bulkfetch";
    private static final String CHANGELOG_BULK_FETCH = "/rest/api/3/changelog/bulkfetch";
    private static final Predicate<RecordedRequest> PER_ISSUE_CHANGELOG = request -> request.path().endsWith("/changelog");
    private static final int TRUNCATED = 5;
    private static final int EMBEDDED = 40;
    /** More than Cloud embeds and more than its per-issue page (100): each such issue needs two per-issue reads. */
    private static final int EDITS = 130;

    private JiraSimulator jira;
    private JiraClient client;
    private TruncatedListCompleter perIssue;
    private List<String> ids;
    private int seen;

    @BeforeEach
    void start() {
        jira = new JiraSimulator(new DatasetGenerator(5).generate(1, 30), JiraSimulator.Options.defaults()).start();
        client = new JiraClient(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), JiraClient.defaultHttp(), 1);
        perIssue = new TruncatedListCompleter(new CloudJiraApi(client, 1));
        // Issues whose history Cloud embeds whole, the first five of them then made longer than it embeds.
        ids = jira.issues().stream().filter(issue -> issue.at("/changelog/histories").size() <= EMBEDDED).limit(20)
                .map(issue -> issue.get("id").asText()).toList();
        for (String id : ids.subList(0, TRUNCATED)) {
            for (int edit = 0; edit < EDITS; edit++) {
                String summary = "edit " + edit;
                jira.updateIssue(id, fields -> fields.put("summary", summary));
            }
        }
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void readsTheTruncatedHistoriesOfABatchTogetherIntoWhatThePerIssueReadsGive() {
        List<JsonNode> fetched = bulkFetch();
        assertThat(fetched).filteredOn(BatchChangelogCompleterTest::truncated).hasSize(TRUNCATED);
        List<JsonNode> byIssue = completedOneByOne(copy(fetched));
        List<RecordedRequest> perIssueReads = newRequests();

        List<JsonNode> together = copy(fetched);
        new BatchChangelogCompleter(client, CHANGELOG_BULK_FETCH, BatchChangelogCompleter.PAGE).complete(together);
        List<JsonNode> completed = completedOneByOne(together);
        List<RecordedRequest> batchReads = newRequests();

        assertThat(completed).isEqualTo(byIssue);
        assertThat(perIssueReads).filteredOn(PER_ISSUE_CHANGELOG).as("two pages of 100 per issue").hasSize(2 * TRUNCATED);
        assertThat(batchReads).filteredOn(PER_ISSUE_CHANGELOG).isEmpty();
        assertThat(batchReads).filteredOn(request -> request.path().equals(CHANGELOG_BULK_FETCH)).hasSize(1);
    }

    @Test
    void pagesThroughTheHistoriesUntilJiraGivesNoToken() {
        List<JsonNode> fetched = bulkFetch();
        List<JsonNode> byIssue = completedOneByOne(copy(fetched));
        int histories = byIssue.stream().filter(issue -> ids.subList(0, TRUNCATED).contains(issue.get("id").asText()))
                .mapToInt(issue -> issue.at("/changelog/histories").size()).sum();
        newRequests();

        List<JsonNode> together = copy(fetched);
        new BatchChangelogCompleter(client, CHANGELOG_BULK_FETCH, 100).complete(together);

        assertThat(completedOneByOne(together)).isEqualTo(byIssue);
        assertThat(newRequests()).filteredOn(request -> request.path().equals(CHANGELOG_BULK_FETCH))
                .hasSize((histories + 99) / 100);
    }

    @Test
    void leavesALoneTruncatedHistoryToItsOwnRead() {
        List<JsonNode> fetched = bulkFetch().stream()
                .filter(issue -> !ids.subList(1, TRUNCATED).contains(issue.get("id").asText())).toList();

        new BatchChangelogCompleter(client, CHANGELOG_BULK_FETCH, BatchChangelogCompleter.PAGE).complete(fetched);

        assertThat(fetched).filteredOn(BatchChangelogCompleterTest::truncated).hasSize(1);
        assertThat(newRequests()).isEmpty();
    }

    @Test
    void leavesAHistoryJiraNoLongerServesToItsOwnRead() {
        List<JsonNode> fetched = bulkFetch();
        jira.deleteIssue(ids.get(0));

        new BatchChangelogCompleter(client, CHANGELOG_BULK_FETCH, BatchChangelogCompleter.PAGE).complete(fetched);

        assertThat(fetched).filteredOn(BatchChangelogCompleterTest::truncated).extracting(issue -> issue.get("id").asText())
                .containsExactly(ids.get(0));
        assertThat(perIssue.complete(fetched.stream().filter(BatchChangelogCompleterTest::truncated).findFirst().orElseThrow()))
                .as("the per-issue read finds it gone").isEmpty();
    }

    /** The 20 issues, as one bulk fetch of the hydration reads them. */
    private List<JsonNode> bulkFetch() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ids.forEach(body.putArray("issueIdsOrKeys")::add);
        body.putArray("fields").add("*all");
        body.putArray("expand").add("changelog");
        List<JsonNode> fetched = new ArrayList<>();
        client.bulkFetch(BULK_FETCH, body).path("issues").forEach(fetched::add);
        newRequests();
        return fetched;
    }

    private List<JsonNode> completedOneByOne(List<JsonNode> issues) {
        return issues.stream().map(perIssue::complete).map(Optional::orElseThrow).toList();
    }

    private static boolean truncated(JsonNode issue) {
        return TruncatedListCompleter.isTruncated(issue.path("changelog"), "histories");
    }

    private static List<JsonNode> copy(List<JsonNode> issues) {
        return issues.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }

    /** The requests the simulator received since the last call. */
    private List<RecordedRequest> newRequests() {
        List<RecordedRequest> all = jira.requests();
        List<RecordedRequest> since = List.copyOf(all.subList(seen, all.size()));
        seen = all.size();
        return since;
    }
}
