package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads listed issues in full through Cloud's {@code POST /issue/bulkfetch}, 100 a request, and completes them (the
 * truncated histories of a batch together, then each one's other truncated lists and watchers), with up to
 * {@code concurrency} batches in flight while the listing goes on; hands them on, on the listing's thread, in the
 * order they were listed (bulkfetch answers in id order; the extractor's watermark needs the listing's
 * {@code updated} order). An issue the bulk fetch omits was deleted or hidden since it was listed: it is skipped and
 * left to the deletion reconciliation. Open for one listing; close it to stop its threads.
 */
final class BulkIssueHydrator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BulkIssueHydrator.class);
    /** Jira's limit of issues per bulk fetch. */
    static final int BATCH = 100;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final JiraClient client;
    private final String path;
    private final BatchChangelogCompleter histories;
    private final Function<JsonNode, Optional<JsonNode>> complete;
    private final int maxHeld;
    private final ExecutorService pool;
    private final List<ListedIssue> pending = new ArrayList<>();
    private final Queue<Batch> queued = new ArrayDeque<>();

    /**
     * Listed issues sent to the bulk fetch together, and what it answered by issue id, completed: an id it did not
     * answer is missing, one that vanished while being completed maps to empty.
     */
    private record Batch(List<ListedIssue> issues, Future<Map<String, Optional<JsonNode>>> fetch) {
    }

    /**
     * @param path      the bulk fetch resource, e.g. {@code /rest/api/3/issue/bulkfetch}
     * @param histories reads the truncated histories of a fetched batch together, before each issue is completed
     * @param complete  reads the rest of a fetched issue on the fetching thread; empty when the issue is gone
     * @param maxHeld  how many issues may wait for their fetch or for being handed on, at most (and one batch more)
     */
    BulkIssueHydrator(JiraClient client, String path, BatchChangelogCompleter histories,
                      Function<JsonNode, Optional<JsonNode>> complete, int concurrency, int maxHeld) {
        this.client = client;
        this.path = path;
        this.histories = histories;
        this.complete = complete;
        this.maxHeld = maxHeld;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(concurrency, task -> {
            Thread thread = new Thread(task, "jira-bulkfetch-" + pool + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Takes the next wanted issue of the listing; a full batch is fetched at once, in the background. Hands on the
     * batches fetched so far (see {@link #deliverReady}) and waits for the oldest while more than {@code maxHeld}
     * issues are waiting or fetched, so a long listing never piles up in memory.
     */
    void offer(ListedIssue issue, Consumer<JsonNode> each) {
        pending.add(issue);
        if (pending.size() == BATCH) {
            submitPending();
        }
        deliverReady(each);
        while (queued.size() * BATCH > maxHeld) {
            deliver(queued.poll(), each);
        }
    }

    /** Hands the fetched batches at the head of the queue to {@code each}, in listing order, without waiting. */
    void deliverReady(Consumer<JsonNode> each) {
        while (!queued.isEmpty() && queued.peek().fetch().isDone()) {
            deliver(queued.poll(), each);
        }
    }

    /** Fetches what is left and hands every batch on, in listing order, waiting for them. */
    void finish(Consumer<JsonNode> each) {
        submitPending();
        while (!queued.isEmpty()) {
            deliver(queued.poll(), each);
        }
    }

    private void submitPending() {
        if (!pending.isEmpty()) {
            List<ListedIssue> batch = List.copyOf(pending);
            pending.clear();
            queued.add(new Batch(batch, pool.submit(() -> fetch(batch))));
        }
    }

    private static void deliver(Batch batch, Consumer<JsonNode> each) {
        Map<String, Optional<JsonNode>> byId = await(batch.fetch());
        for (ListedIssue issue : batch.issues()) {
            Optional<JsonNode> read = byId.get(issue.id());
            if (read == null) {
                LOG.info("listed issue not returned by the bulk fetch, deleted or hidden since; leaving it to the "
                        + "deletion reconciliation issueId={} jiraKey={}", issue.id(), issue.key());
            } else {
                read.ifPresent(each);
            }
        }
    }

    private Map<String, Optional<JsonNode>> fetch(List<ListedIssue> batch) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        batch.forEach(issue -> body.withArrayProperty("issueIdsOrKeys").add(issue.id()));
        body.putArray("fields").add("*all");
        body.putArray("expand").add("changelog");
        List<JsonNode> fetched = new ArrayList<>();
        client.bulkFetch(path, body).path("issues").forEach(fetched::add);
        histories.complete(fetched);
        Map<String, Optional<JsonNode>> byId = new HashMap<>();
        fetched.forEach(issue -> byId.put(issue.path("id").asText(), complete.apply(issue)));
        return byId;
    }

    private static Map<String, Optional<JsonNode>> await(Future<Map<String, Optional<JsonNode>>> fetch) {
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a bulk fetch of issues");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the fetches still running, e.g. when handing on an issue failed. */
    @Override
    public void close() {
        queued.forEach(batch -> batch.fetch().cancel(true));
        pool.shutdownNow();
    }
}
