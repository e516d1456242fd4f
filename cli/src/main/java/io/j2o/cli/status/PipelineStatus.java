package io.j2o.cli.status;

import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.schemas.topics.CompactedTopicReader;
import io.j2o.transformer.topology.StoreNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;


/**
 * What a deployment is doing, read from Kafka alone, so it works whether the services run or not: each consumer
 * group's lag, the dead letters, the commands waiting for a reference (from the pending store's changelog), and apart
 * from them the text links still pending (from the text-pending store's changelog: commands already sent with
 * fallback text, to be sent again when the entity their text names is loaded).
 */
final class PipelineStatus {

    private final PipelineSettings settings;

    PipelineStatus(PipelineSettings settings) {
        this.settings = settings;
    }

    /** @param textLinksPending soft references (issue keys, mentions, images in text) still shown as fallback text */
    record Snapshot(List<GroupProgress> groups, long deadLetters, Map<String, String> waiting, long textLinksPending) {
    }

    Snapshot read() throws ExecutionException, InterruptedException {
        Map<String, Object> props = new HashMap<>(settings.loader().kafkaProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.loader().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            List<GroupProgress> groups = List.of(
                    group(admin, "transformer", settings.transformer().applicationId()),
                    group(admin, "loader", settings.loader().groupId()));
            Map<String, String> waiting = referencesByCommand(props, StoreNames.PENDING);
            long textLinksPending = entries(props, StoreNames.TEXT_PENDING).size();
            return new Snapshot(groups, records(admin, settings.topics().deadLetters()), waiting, textLinksPending);
        }
    }

    private static GroupProgress group(Admin admin, String role, String groupId) throws ExecutionException, InterruptedException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(committed.keySet().stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
        Map<String, Long> lag = new TreeMap<>();
        committed.forEach((tp, offset) -> lag.merge(tp.topic(),
                Math.max(0, ends.get(tp).offset() - (offset == null ? 0 : offset.offset())), Long::sum));
        return new GroupProgress(role, groupId, description.groupState().toString(), description.members().size(), lag);
    }

    /** Records a topic holds now (end minus start offsets, all partitions). */
    private static long records(Admin admin, String topic) throws ExecutionException, InterruptedException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResultInfo> start = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest()))).all().get();
        Map<TopicPartition, ListOffsetsResultInfo> end = admin.listOffsets(partitions.stream()
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()))).all().get();
        return partitions.stream().mapToLong(tp -> end.get(tp).offset() - start.get(tp).offset()).sum();
    }

    /**
     * Command key → the reference it waits for, from the entries a store keyed {@code <reference key>|<command key>}
     * holds. The changelog is replayed by its own keys: a command released under one reference and parked under
     * the next has its tombstone and its new entry in different partitions, read in no particular order.
     */
    private Map<String, String> referencesByCommand(Map<String, Object> adminProps, String store) {
        Map<String, String> byCommand = new TreeMap<>();
        entries(adminProps, store).forEach(key -> {
            int bar = key.indexOf('|');
            byCommand.put(key.substring(bar + 1), key.substring(0, bar));
        });
        return byCommand;
    }

    /** The keys a transformer store holds, replayed from its compacted changelog. */
    private Set<String> entries(Map<String, Object> adminProps, String store) {
        Map<String, Object> props = new HashMap<>(adminProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String changelog = settings.transformer().applicationId() + "-" + store + "-changelog";
        Set<String> held = new TreeSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            if (consumer.listTopics(Duration.ofSeconds(10)).containsKey(changelog)) {
                CompactedTopicReader.readToEnd(consumer, changelog, (key, value) -> {
                    if (value == null) {
                        held.remove(key);
                    } else {
                        held.add(key);
                    }
                });
            }
        }
        return held;
    }

    static List<String> describe(Snapshot snapshot) {
        List<String> lines = new ArrayList<>();
        for (GroupProgress group : snapshot.groups()) {
            lines.add(String.format("%-11s group %s: %s, %d member(s), behind by %d record(s) %s", group.role(), group.groupId(),
                    group.state(), group.members(), group.totalLag(), group.lagByTopic()));
        }
        lines.add("dead letters: " + snapshot.deadLetters());
        lines.add("waiting for a reference: " + snapshot.waiting().size());
        snapshot.waiting().forEach((command, reference) -> lines.add("  " + command + " waits for " + reference));
        // Not waiting: these commands are in OpenProject, their text showing a Jira key or name where the link goes.
        lines.add("text links pending: " + snapshot.textLinksPending());
        return lines;
    }
}
