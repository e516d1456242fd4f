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
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The extractor's state in the compacted state topic, keyed {@code <site>:<entity>:<project>}, as JSON documents:
 * per project the issues' watermark ({@code <site>:issues:<project>}) and the ids of the issues published and not
 * deleted ({@code <site>:issue-ids:<project>}), which the deletion reconciliation compares with Jira. The extractor
 * writes either only after the events it covers are acknowledged, so it never runs ahead of Kafka.
 */
public final class WatermarkStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String topic;
    private final Producer<String, String> producer;
    private static final String ISSUE_IDS = "issue-ids";

    private final Map<String, Watermark> byKey = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> idsByKey = new ConcurrentHashMap<>();

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

    /** Stores and waits for the broker's acknowledgement. */
    public void put(String key, Watermark watermark) {
        send(key, write(watermark));
        byKey.put(key, watermark);
    }

    /** The ids stored under {@code key} (a copy), empty when none are. */
    public Set<String> issueIds(String key) {
        return new HashSet<>(idsByKey.getOrDefault(key, Set.of()));
    }

    /** Stores the ids and waits for the broker's acknowledgement. */
    public void putIssueIds(String key, Set<String> ids) {
        send(key, writeIds(ids));
        idsByKey.put(key, Set.copyOf(ids));
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
        CompactedTopicReader.readToEnd(consumer, topic, (key, value) -> {
            boolean ids = isIssueIds(key);
            if (value == null) {
                byKey.remove(key);
                idsByKey.remove(key);
            } else if (ids) {
                idsByKey.put(key, readIds(key, value));
            } else {
                byKey.put(key, read(key, value));
            }
        });
    }

    private static boolean isIssueIds(String key) {
        String[] parts = key.split(":", 3);
        return parts.length == 3 && parts[1].equals(ISSUE_IDS);
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
