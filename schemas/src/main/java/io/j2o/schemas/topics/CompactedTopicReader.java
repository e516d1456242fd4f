package io.j2o.schemas.topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** Reads a compacted topic (a snapshot) from its start to its current end, outside any consumer group. */
public final class CompactedTopicReader {

    private CompactedTopicReader() {
    }

    /** Calls {@code onRecord} for every record in offset order per partition; a null value is a tombstone. */
    public static <K, V> void readToEnd(Consumer<K, V> consumer, String topic, BiConsumer<K, V> onRecord) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            for (ConsumerRecord<K, V> record : consumer.poll(Duration.ofMillis(200))) {
                onRecord.accept(record.key(), record.value());
            }
        }
    }
}
