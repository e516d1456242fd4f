package io.j2o.extractor.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.topics.CompactedTopicReader;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Watermarks kept in the compacted state topic, keyed {@code <site>:<entity>:<project>}, as small JSON documents.
 * The extractor writes one only after the events it covers are acknowledged, so it never runs ahead of Kafka.
 */
public final class WatermarkStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String topic;
    private final Producer<String, String> producer;
    private final Map<String, Watermark> byKey = new ConcurrentHashMap<>();

    public WatermarkStore(String topic, Producer<String, String> producer) {
        this.topic = topic;
        this.producer = producer;
    }

    public static String key(String site, String entity, String project) {
        return site + ":" + entity + ":" + project;
    }

    public Watermark get(String key) {
        return byKey.getOrDefault(key, Watermark.none());
    }

    /** Stores and waits for the broker's acknowledgement. */
    public void put(String key, Watermark watermark) {
        try {
            producer.send(new ProducerRecord<>(topic, key, write(watermark))).get();
            byKey.put(key, watermark);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while saving watermark " + key, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not save watermark " + key + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Reads the state topic to its end. */
    public void load(Consumer<String, String> consumer) {
        CompactedTopicReader.readToEnd(consumer, topic, (key, value) -> {
            if (value == null) {
                byKey.remove(key);
            } else {
                byKey.put(key, read(key, value));
            }
        });
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
