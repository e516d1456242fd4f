package io.j2o.cli.report;

import io.j2o.cli.report.ValidationReport.Parked;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.CompactedTopicReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the dead-letter topic and names each parked entity by its Jira key, for the validation report. */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static List<DeadLetter> read(String bootstrapServers, Map<String, Object> kafkaProperties, String topic,
                                        PipelineSerdes serdes) {
        Map<String, Object> props = new HashMap<>(kafkaProperties);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                serdes.deadLetters().deserializer())) {
            CompactedTopicReader.readToEnd(consumer, topic, (key, value) -> found.add(value));
        }
        return found;
    }

    /** The latest dead letter per Jira key. */
    public static Map<String, Parked> byJiraKey(List<DeadLetter> deadLetters, JiraKeys keys) {
        Map<String, Parked> parked = new LinkedHashMap<>();
        for (DeadLetter letter : deadLetters) {
            String key = keys.of(letter.getKey());
            parked.put(key, new Parked(key, letter.getStage().name(), letter.getCategory(), letter.getMessage()));
        }
        return parked;
    }
}
