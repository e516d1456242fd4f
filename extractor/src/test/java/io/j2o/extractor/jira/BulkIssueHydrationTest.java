package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cloud's bulk hydration of listed issues: how many fetches run at once, what it retries, what it skips, how it reads
 * long histories.
 */
class BulkIssueHydrationTest {

    private static final JiraDataset DATASET = new DatasetGenerator(5).generate(1, 450);
    private static final String BULK_FETCH = "/rest/api/3/issue/bulkfetch";
    private static final String CHANGELOG_BULK_FETCH = "/rest/api/3/changelog/bulkfetch";
    private static final int ATTEMPTS = 3;
    /** How many histories Cloud embeds in an issue. */
    private static final int EMBEDDED_HISTORIES = 40;

    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start();
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void neverHasMoreBulkFetchesInFlightThanItsConcurrency() {
        int concurrency = 2;
        InFlightBulkFetches inFlight = new InFlightBulkFetches(concurrency + 1);
        List<JsonNode> read = new ArrayList<>();

        // 450 issues listed on one page: five batches are ready at once, so only the pool can hold them back.
        new CloudJiraApi(client(new OkHttpClient.Builder().addInterceptor(inFlight).build()), concurrency)
                .issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"), issue -> true, Optional::of, read::add);

        assertThat(read).hasSize(450);
        assertThat(inFlight.started()).isEqualTo(5);
        assertThat(inFlight.most()).as("the most bulk fetches in flight at once").isEqualTo(concurrency);
    }

    @Test
    void retriesABulkFetchThatReportsIssueErrorsAndDeliversEveryIssueInListingOrder() {
        jira.faults().bulkFetchIssueErrors(ATTEMPTS - 1);
        List<ListedIssue> listed = new ArrayList<>();
        List<JsonNode> read = new ArrayList<>();

        cloud(1).issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"), listed::add, Optional::of, read::add);

        assertThat(read).extracting(issue -> issue.get("id").asText())
                .containsExactlyElementsOf(listed.stream().map(ListedIssue::id).toList());
        assertThat(jira.requests()).filteredOn(request -> request.path().equals(BULK_FETCH))
                .as("five batches, the first answered twice with an issue error").hasSize(5 + ATTEMPTS - 1);
    }

    @Test
    void failsRatherThanDropAnIssueJiraKeepsReportingInIssueErrors() {
        jira.faults().bulkFetchIssueErrors(ATTEMPTS);
        List<JsonNode> read = new ArrayList<>();

        assertThatThrownBy(() -> cloud(1).issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"), issue -> true,
                Optional::of, read::add))
                .isInstanceOf(JiraException.Unavailable.class)
                .hasMessageContaining("could not return some issues");
        assertThat(read).as("nothing handed on past the batch that failed").isEmpty();
    }

    @Test
    void skipsAnIssueTheBulkFetchOmitsAndDeliversTheOthersInListingOrder() {
        List<ListedIssue> listed = new ArrayList<>();
        List<JsonNode> read = new ArrayList<>();

        // One listing page holds all 450, so deleting one in the middle of the second batch shifts no page.
        cloud(2).issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"), issue -> {
            if (listed.add(issue) && listed.size() == 150) {
                jira.deleteIssue(issue.id());
            }
            return true;
        }, Optional::of, read::add);

        List<String> expected = new ArrayList<>(listed.stream().map(ListedIssue::id).toList());
        expected.remove(149);
        assertThat(expected).as("listing order is not the id order bulkfetch answers in")
                .isNotEqualTo(expected.stream().sorted(Comparator.comparingLong(Long::parseLong)).toList());
        assertThat(read).extracting(issue -> issue.get("id").asText()).containsExactlyElementsOf(expected);
    }

    @Test
    void readsTheLongHistoriesOfABatchTogetherRatherThanOneByOne() {
        List<ListedIssue> listed = new ArrayList<>();
        List<JsonNode> read = new ArrayList<>();
        CloudJiraApi cloud = cloud(2);

        cloud.issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"), listed::add, new TruncatedListCompleter(cloud)::complete,
                read::add);

        int together = 0;
        int alone = 0;
        for (int start = 0; start < listed.size(); start += BulkIssueHydrator.BATCH) {
            List<Integer> longHistories = listed.subList(start, Math.min(listed.size(), start + BulkIssueHydrator.BATCH))
                    .stream().map(issue -> jira.issue(issue.id()).orElseThrow().at("/changelog/histories").size())
                    .filter(histories -> histories > EMBEDDED_HISTORIES).toList();
            together += longHistories.size() > 1 ? 1 : 0;
            alone += longHistories.size() == 1 ? (longHistories.get(0) + 99) / 100 : 0;
        }
        assertThat(together).as("the dataset has batches with several long histories").isPositive();
        assertThat(read).allSatisfy(issue -> assertThat(issue.at("/changelog/histories").size())
                .isEqualTo(jira.issue(issue.get("id").asText()).orElseThrow().at("/changelog/histories").size()));
        assertThat(jira.requests()).filteredOn(request -> request.path().equals(CHANGELOG_BULK_FETCH)).hasSize(together);
        assertThat(jira.requests()).filteredOn(request -> request.path().endsWith("/changelog")).hasSize(alone);
    }

    private CloudJiraApi cloud(int concurrency) {
        return new CloudJiraApi(client(JiraClient.defaultHttp()), concurrency);
    }

    private JiraClient client(OkHttpClient http) {
        return new JiraClient(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), http, ATTEMPTS);
    }

    /**
     * Counts the bulk fetches on the wire and the most at once. Each one is held until {@code enough} are in flight
     * or a while has passed, so every fetch the extractor lets run meets the others inside that while: a count
     * above the concurrency shows up every time rather than when threads happen to overlap.
     */
    private static final class InFlightBulkFetches implements Interceptor {

        private static final long HOLD_MILLIS = 500;

        private final int enough;
        private int current;
        private int most;
        private int started;

        InFlightBulkFetches(int enough) {
            this.enough = enough;
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            if (!chain.request().url().encodedPath().equals(BULK_FETCH)) {
                return chain.proceed(chain.request());
            }
            enter();
            try {
                return chain.proceed(chain.request());
            } finally {
                leave();
            }
        }

        private synchronized void enter() {
            current++;
            started++;
            most = Math.max(most, current);
            notifyAll();
            long until = System.currentTimeMillis() + HOLD_MILLIS;
            try {
                for (long left = HOLD_MILLIS; current < enough && left > 0; left = until - System.currentTimeMillis()) {
                    wait(left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private synchronized void leave() {
            current--;
        }

        synchronized int most() {
            return most;
        }

        synchronized int started() {
            return started;
        }
    }
}
