package io.j2o.cli.pipeline;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many offsets of the Jira topics the transformer has not committed yet. The transformer's counters alone cannot
 * tell idleness after a replay rewound it: it then has a whole topic to read again that no extraction pass announced.
 * The Jira topics are written without transactions, so a transformer that read everything has a backlog of exactly
 * zero (no commit markers).
 */
final class TransformerBacklog implements AutoCloseable {

    private final Admin admin;
    private final String groupId;
    private final List<String> topics;
    /** The Jira topics' partitions, read once: the pipeline provisioned them before this is asked. */
    private List<TopicPartition> partitions;

    TransformerBacklog(Map<String, Object> adminProps, String groupId, List<String> topics) {
        this.admin = Admin.create(adminProps);
        this.groupId = groupId;
        this.topics = List.copyOf(topics);
    }

    /** Offsets behind the end, summed over every partition; a partition without a committed offset counts from its start. */
    synchronized long offsets() {
        try {
            if (partitions == null) {
                partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                        .toList();
            }
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            return partitions.stream().mapToLong(tp -> {
                OffsetAndMetadata done = committed.get(tp);
                long from = done == null ? starts.get(tp).offset() : done.offset();
                return Math.max(0, ends.get(tp).offset() - from);
            }).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the transformer's offsets", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the transformer's offsets: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> spec))).all().get();
    }

    @Override
    public void close() {
        admin.close();
    }
}
