package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.CloudJiraApi;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.extractor.jira.JiraHttpPolicy;
import io.j2o.extractor.jira.JiraSearchPage;
import io.j2o.extractor.jira.JiraTimestamps;
import io.j2o.extractor.jira.Jql;
import io.j2o.extractor.jira.ListedIssue;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue extraction from Jira Cloud, the former way (full issues, 100 a page, through the token-paged search) against
 * ids first (list key and {@code updated}, then {@code /issue/bulkfetch} what is due, {@code extractor.concurrency}
 * fetches at once), against a simulated Jira that answers every request after {@link #LATENCY}: a full load, and an
 * incremental pass whose look-back window holds {@link #UNCHANGED} issues published before, one of them changed since. Prints a
 * table with each way's ratio to the former one, measured in the same run. Not part of {@code verify}: run with
 * {@code ./mvnw -B -o -Pbench -pl extractor -am verify}. Only correctness is asserted; the figures are for reading.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ExtractorSearchBench {

    private static final int ISSUES = Integer.getInteger("bench.issues", 2_000);
    private static final int UNCHANGED = 500;
    private static final Duration LATENCY = Duration.ofMillis(30);
    private static final JiraDataset DATASET = new DatasetGenerator(7).generate(2, ISSUES);

    /** A way of reading: the former full-issue search, or ids first with this many bulk fetches in flight. */
    private record Way(String name, int concurrency, boolean former) {
    }

    private record Result(Way way, double seconds, long requests, long bytes, int issues) {
        double perSecond() {
            return issues / seconds;
        }
    }

    private static final Way FORMER = new Way("full-issue search (former)", 1, true);
    private static final List<Way> IDS_FIRST = List.of(new Way("ids first, concurrency 1", 1, false),
            new Way("ids first, concurrency 4", 4, false), new Way("ids first, concurrency 8", 8, false));

    @Test
    void idsFirstAgainstTheFormerFullIssueSearch(EmbeddedKafka kafka) throws Exception {
        List<Result> fullLoads = new ArrayList<>();
        List<Way> ways = new ArrayList<>(List.of(FORMER));
        ways.addAll(IDS_FIRST);
        for (Way way : ways) {
            fullLoads.add(fullLoad(kafka, way));
        }
        List<Result> polls = List.of(incrementalPoll(kafka, FORMER), incrementalPoll(kafka, IDS_FIRST.get(1)));

        System.out.println(table(String.format("Full load of %d issues over 2 projects, Jira latency %d ms a request",
                ISSUES, LATENCY.toMillis()), fullLoads)
                + table(String.format("Incremental pass: %d issues published before in the look-back window, 1 of them changed since, latency %d ms",
                UNCHANGED, LATENCY.toMillis()), polls));
        assertThat(fullLoads).allSatisfy(result -> assertThat(result.issues()).isEqualTo(ISSUES));
        assertThat(polls).allSatisfy(result -> assertThat(result.issues()).isEqualTo(1));
    }

    /** One full resync of every issue, timed from the pass's start to Kafka's acknowledgement. */
    private Result fullLoad(EmbeddedKafka kafka, Way way) throws Exception {
        try (JiraSimulator jira = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start();
             ExtractorRig rig = new ExtractorRig(kafka)) {
            Measured measured = new Measured(jira);
            JiraExtractor extractor = rig.extractor(config(rig, kafka, jira, way), api(way, measured.client()));
            jira.faults().latency(LATENCY);
            return measured.run(way, () -> extractor.runOnce(true).issues());
        }
    }

    /**
     * {@link #UNCHANGED} issues edited a moment ago are published by a first pass; then one of them changes and the
     * second pass, the one measured, lists them all again inside its look-back window.
     */
    private Result incrementalPoll(EmbeddedKafka kafka, Way way) throws Exception {
        try (JiraSimulator jira = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start();
             ExtractorRig rig = new ExtractorRig(kafka)) {
            jira.issues().stream().limit(UNCHANGED).forEach(issue ->
                    jira.updateIssue(issue.get("key").asText(), fields -> fields.put("summary", "touched for the bench")));
            Measured measured = new Measured(jira);
            JiraExtractor extractor = rig.extractor(config(rig, kafka, jira, way), api(way, measured.client()));
            extractor.runOnce(false);
            jira.updateIssue(jira.issues().get(0).get("key").asText(), fields -> fields.put("summary", "changed once more"));
            jira.faults().latency(LATENCY);
            return measured.run(way, () -> extractor.runOnce(false).issues());
        }
    }

    /** Issues only (their projects are read to find them), a look-back window wide enough for the touched issues. */
    private static ExtractorConfig config(ExtractorRig rig, EmbeddedKafka kafka, JiraSimulator jira, Way way) {
        JiraSimulator.Options options = jira.options();
        return new ExtractorConfig(jira.baseUrl(), options.email(), options.apiToken(), "bench", List.of(),
                kafka.bootstrapServers(), rig.topics(), Duration.ofMinutes(10), 100, 3, Map.of())
                .withEntities(List.of("issues")).withConcurrency(way.concurrency());
    }

    /** Counts the requests and the response bytes (as sent on the wire) of one pass. */
    private static final class Measured {
        private final JiraSimulator jira;
        private final AtomicLong bytes = new AtomicLong();
        private final JiraClient client;

        Measured(JiraSimulator jira) {
            this.jira = jira;
            OkHttpClient http = JiraClient.defaultHttp().newBuilder().eventListener(new EventListener() {
                @Override
                public void responseBodyEnd(Call call, long byteCount) {
                    bytes.addAndGet(byteCount);
                }
            }).build();
            JiraSimulator.Options options = jira.options();
            this.client = new JiraClient(jira.baseUrl(), options.email(), options.apiToken(), http, JiraHttpPolicy.of(3));
        }

        JiraClient client() {
            return client;
        }

        Result run(Way way, IntSupplier pass) {
            int requestsBefore = jira.requestCount();
            bytes.set(0);
            long start = System.nanoTime();
            int issues = pass.getAsInt();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(way, seconds, jira.requestCount() - requestsBefore, bytes.get(), issues);
        }
    }

    private static JiraApi api(Way way, JiraClient client) {
        CloudJiraApi cloud = new CloudJiraApi(client, way.concurrency());
        return way.former() ? formerSearch(cloud) : cloud;
    }

    /**
     * The Cloud API as it read issues before ids first: every issue of the window with all its fields and history,
     * 100 a page, each page asked for with the token of the one before, each issue completed (its truncated lists,
     * its watchers) on the extractor's thread before the next.
     */
    private static JiraApi formerSearch(CloudJiraApi cloud) {
        return (JiraApi) Proxy.newProxyInstance(JiraApi.class.getClassLoader(), new Class<?>[] {JiraApi.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("issuesUpdatedSince")) {
                        @SuppressWarnings("unchecked") // the interface's own parameter types
                        Predicate<ListedIssue> wanted = (Predicate<ListedIssue>) args[3];
                        @SuppressWarnings("unchecked")
                        Function<JsonNode, Optional<JsonNode>> complete = (Function<JsonNode, Optional<JsonNode>>) args[4];
                        @SuppressWarnings("unchecked")
                        Consumer<JsonNode> each = (Consumer<JsonNode>) args[5];
                        readFullPages(cloud, Jql.issuesUpdatedSince((String) args[0], (Instant) args[1], (ZoneId) args[2]),
                                wanted, complete, each);
                        return null;
                    }
                    try {
                        return method.invoke(cloud, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void readFullPages(CloudJiraApi cloud, String jql, Predicate<ListedIssue> wanted,
                                      Function<JsonNode, Optional<JsonNode>> complete, Consumer<JsonNode> each) {
        String token = null;
        do {
            JiraSearchPage page = cloud.searchPage(jql, List.of("*all"), 100, token);
            for (JsonNode issue : page.issues()) {
                JsonNode updated = issue.path("fields").path("updated");
                ListedIssue listed = new ListedIssue(issue.path("id").asText(), issue.path("key").asText(),
                        JiraTimestamps.parse(updated.asText(null)).orElse(null), OptionalInt.empty());
                if (wanted.test(listed)) {
                    complete.apply(issue).ifPresent(each);
                }
            }
            token = page.nextPageToken();
        } while (token != null);
    }

    private static String table(String title, List<Result> results) {
        Result baseline = results.get(0);
        StringBuilder table = new StringBuilder(String.format("%n%s%n", title));
        table.append(String.format("| way | seconds | requests | response bytes | issues/s | speed-up over former |%n"));
        table.append(String.format("|---|---|---|---|---|---|%n"));
        for (Result result : results) {
            table.append(String.format("| %s | %.2f | %d | %,d | %.1f | %.2f |%n", result.way().name(), result.seconds(),
                    result.requests(), result.bytes(), result.perSecond(), baseline.seconds() / result.seconds()));
        }
        return table.toString();
    }
}
