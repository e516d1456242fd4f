package io.j2o.cli.replay;

import io.j2o.schemas.topics.AcknowledgedSends;
import io.j2o.schemas.topics.ReplayEpochs;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Raises the replay epoch of some scopes on the epochs topic, so the transformer re-emits what they cover. */
final class EpochBump {

    private final Map<String, Object> kafka;
    private final String topic;

    EpochBump(Map<String, Object> kafka, String topic) {
        this.kafka = Map.copyOf(kafka);
        this.topic = topic;
    }

    /** @return the epochs as they are after the bump */
    ReplayEpochs bump(Collection<String> scopes) {
        ReplayEpochs current;
        Map<String, Object> consumerProps = new HashMap<>(kafka);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                new StringDeserializer())) {
            current = ReplayEpochs.read(consumer, topic);
        }
        ReplayEpochs next = current.bumped(scopes);
        Map<String, Object> producerProps = new HashMap<>(kafka);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer())) {
            AcknowledgedSends<String, String> sends = new AcknowledgedSends<>(producer);
            scopes.forEach(scope -> sends.send(new ProducerRecord<>(topic, scope, Integer.toString(next.byScope().get(scope)))));
            sends.flush();
        }
        return next;
    }
}
