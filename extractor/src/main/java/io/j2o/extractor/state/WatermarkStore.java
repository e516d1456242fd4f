package io.j2o.extractor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.topics.CompactedTopicReader;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The extractor's state in the compacted state topic, keyed {@code <site>:<entity>:<project>}, as JSON documents:
 * per project the issues' watermark ({@code <site>:issues:<project>}) and the ids of the issues published and not
 * deleted ({@code <site>:issue-ids:<project>}), which the deletion reconciliation compares with Jira; and per issue
 * published its {@link IssueDigest} ({@code <site>:issue-digest:<issueId>}); and the site's {@link ReconcileMark}
 * ({@code <site>:reconcile:site}). The extractor writes a watermark or an
 * id set only after the events it covers are acknowledged, so it never runs ahead of Kafka; digests are sent as the
 * issues are published and acknowledged before the next watermark or id set is stored.
 */
public final class WatermarkStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String topic;
    private final Producer<String, String> producer;
    private static final String ISSUE_IDS = "issue-ids";
    private static final String ISSUE_DIGEST = "issue-digest";
    private static final String RECONCILE = "reconcile";

    private final Map<String, Watermark> byKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByKey = new ConcurrentHashMap<>();
    private final Map<String, ReconcileMark> marksByKey = new ConcurrentHashMap<>();
    /** The digests read at load, by site, until the extractor takes them (held once, not twice). */
    private final Map<String, List<IssueDigest>> loadedDigests = new ConcurrentHashMap<>();
    private final AtomicReference<Exception> digestFailure = new AtomicReference<>();

    public WatermarkStore(String topic, Producer<String, String> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    public static String key(String site, String entity, String project) {
        return site + ":" + entity + ":" + project;
    }

    /** The key of a project's known issue ids. */
    public static String issueIdsKey(String site, String project) {
        return key(site, ISSUE_IDS, project);
    }

    public Watermark get(String key) {
        return byKey.getOrDefault(key, Watermark.none());
    }

    /** Stores (after every digest sent before it) and waits for the broker's acknowledgement. */
    public void put(String key, Watermark watermark) {
        awaitDigests();
        send(key, write(watermark));
        byKey.put(key, watermark);
    }

    /** The ids stored under {@code key} (a copy), empty when none are. */
    public Set<String> issueIds(String key) {
        return new HashSet<>(idsByKey.getOrDefault(key, Set.of()));
    }

    /** Stores the ids (after every digest sent before them) and waits for the broker's acknowledgement. */
    public void putIssueIds(String key, Set<String> ids) {
        awaitDigests();
        send(key, writeIds(ids));
        idsByKey.put(key, Set.copyOf(ids));
    }

    /** The site's reconciliation mark, {@link ReconcileMark#none()} before the first pass. */
    public ReconcileMark reconcileMark(String site) {
        return marksByKey.getOrDefault(key(site, RECONCILE, "site"), ReconcileMark.none());
    }

    /** Stores the site's reconciliation mark and waits for the broker's acknowledgement. */
    public void putReconcileMark(String site, ReconcileMark mark) {
        String key = key(site, RECONCILE, "site");
        send(key, mark.write());
        marksByKey.put(key, mark);
    }

    /**
     * Sends the digest of an issue just published without waiting: one per issue would make a pass as slow as the
     * broker's round trip times the issues. The next {@link #put} or {@link #putIssueIds} waits for it.
     */
    public void putDigest(String site, IssueDigest digest) {
        sendDigest(key(site, ISSUE_DIGEST, digest.issueId()), digest.write());
    }

    /** Forgets the digest of a deleted issue (a tombstone, so compaction drops it), without waiting. */
    public void removeDigest(String site, String issueId) {
        sendDigest(key(site, ISSUE_DIGEST, issueId), null);
    }

    /** The digests of {@code site} the state topic held at {@link #load}; a second call returns none. */
    public List<IssueDigest> takeDigests(String site) {
        List<IssueDigest> digests = loadedDigests.remove(site);
        return digests == null ? List.of() : digests;
    }

    /** Waits until every digest sent is acknowledged; fails when one was not. */
    public void awaitDigests() {
        producer.flush();
        Exception failure = digestFailure.getAndSet(null);
        if (failure != null) {
            throw new IllegalStateException("could not save an issue digest: " + failure.getMessage(), failure);
        }
    }

    private void sendDigest(String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value), (metadata, e) -> {
            if (e != null) {
                digestFailure.compareAndSet(null, e);
            }
        });
    }

    private void send(String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving extractor state " + key, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not save extractor state " + key + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Reads the state topic to its end. */
    public void load(Consumer<String, String> consumer) {
        Map<String, Map<String, IssueDigest>> digests = new HashMap<>();
        CompactedTopicReader.readToEnd(consumer, topic, (key, value) -> {
            String[] parts = key.split(":", 3);
            boolean ids = parts.length == 3 && parts[1].equals(ISSUE_IDS);
            if (parts.length == 3 && parts[1].equals(ISSUE_DIGEST)) {
                Map<String, IssueDigest> ofSite = digests.computeIfAbsent(parts[0], site -> new HashMap<>());
                if (value == null) {
                    ofSite.remove(parts[2]);
                } else {
                    ofSite.put(parts[2], IssueDigest.read(parts[2], value));
                }
            } else if (value == null) {
                byKey.remove(key);
                idsByKey.remove(key);
                marksByKey.remove(key);
            } else if (parts.length == 3 && parts[1].equals(RECONCILE)) {
                marksByKey.put(key, ReconcileMark.read(key, value));
            } else if (ids) {
                idsByKey.put(key, readIds(key, value));
            } else {
                byKey.put(key, read(key, value));
            }
        });
        digests.forEach((site, ofSite) -> loadedDigests.put(site, List.copyOf(ofSite.values())));
    }

    static String writeIds(Set<String> ids) {
        IssueIdSetCodec.Encoded encoded = IssueIdSetCodec.encode(ids);
        ObjectNode json = MAPPER.createObjectNode();
        json.put("count", ids.size());
        json.put("ids", encoded.numeric());
        encoded.others().forEach(json.putArray("others")::add);
        return json.toString();
    }

    static Set<String> readIds(String key, String text) {
        try {
            JsonNode json = MAPPER.readTree(text);
            List<String> others = new ArrayList<>();
            json.path("others").forEach(id -> others.add(id.asText()));
            Set<String> ids = IssueIdSetCodec.decode(new IssueIdSetCodec.Encoded(json.path("ids").asText(""), others));
            if (ids.size() != json.path("count").asInt(-1)) {
                throw new IllegalStateException("holds " + ids.size() + " ids but says " + json.path("count"));
            }
            return ids;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("issue ids " + key + " in the state topic are unreadable: " + e.getMessage(), e);
        }
    }

    static String write(Watermark watermark) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("updatedAt", watermark.updatedAt() == null ? null : watermark.updatedAt().toString());
        ObjectNode boundary = json.putObject("boundary");
        watermark.boundary().forEach((id, at) -> boundary.put(id, at.toString()));
        return json.toString();
    }

    static Watermark read(String key, String text) {
        try {
            JsonNode json = MAPPER.readTree(text);
            Map<String, Instant> boundary = new HashMap<>();
            json.path("boundary").fields().forEachRemaining(f -> boundary.put(f.getKey(), Instant.parse(f.getValue().asText())));
            String at = json.path("updatedAt").asText(null);
            return new Watermark(at == null ? null : Instant.parse(at), boundary);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("watermark " + key + " in the state topic is unreadable: " + e.getMessage(), e);
        }
    }
}
