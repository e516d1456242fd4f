package io.j2o.cli.replay;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a stopped consumer group's committed offsets back on some of its topics. Committed offsets are the
 * pipeline's checkpoints, so this is the whole of "replay": the service, started again, re-reads from there.
 */
final class GroupRewind {

    private final Admin admin;

    GroupRewind(Admin admin) {
        this.admin = admin;
    }

    /**
     * @return the new committed offset of every partition of {@code topics}
     * @throws ReplayRefused while the group has members: a running service would overwrite the offsets at its next
     *                       commit (and Kafka refuses to alter an active group's offsets anyway)
     */
    Map<TopicPartition, Long> rewind(String groupId, Collection<String> topics, ReplayStart start)
            throws ExecutionException, InterruptedException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        if (!group.members().isEmpty()) {
            throw new ReplayRefused("group " + groupId + " has " + group.members().size() + " active member(s) ("
                    + group.groupState() + "): stop that service first, then replay");
        }
        Map<TopicPartition, Long> targets = targets(partitions(topics), start);
        admin.alterConsumerGroupOffsets(groupId, targets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all().get();
        return targets;
    }

    private List<TopicPartition> partitions(Collection<String> topics) throws ExecutionException, InterruptedException {
        return admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
    }

    /** From a time: the first offset at or after it; a partition with nothing that recent starts at its end. */
    private Map<TopicPartition, Long> targets(List<TopicPartition> partitions, ReplayStart start)
            throws ExecutionException, InterruptedException {
        OffsetSpec spec = start.since().map(t -> OffsetSpec.forTimestamp(t.toEpochMilli())).orElse(OffsetSpec.earliest());
        Map<TopicPartition, Long> found = offsets(partitions, spec);
        List<TopicPartition> pastTheEnd = found.entrySet().stream().filter(e -> e.getValue() < 0).map(Map.Entry::getKey).toList();
        Map<TopicPartition, Long> targets = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
        targets.putAll(found);
        targets.putAll(offsets(pastTheEnd, OffsetSpec.latest()));
        return targets;
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> result = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(Function.identity(), tp -> spec))).all().get();
        return result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
