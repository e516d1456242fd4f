package io.j2o.loader.ordering;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Per assigned partition, the offsets taken on and which of them are finished; says what may be committed: per
 * partition the lowest offset not yet finished, so the commit never passes a pending command. Used by the poll
 * thread only, hence not thread-safe.
 */
public final class OffsetTracker {

    /** One offset taken on; finishing it counts only while its partition is still owned by the same assignment. */
    public static final class Ticket {
        private final TopicPartition partition;
        private final long offset;
        private final PartitionOffsets owner;

        private Ticket(TopicPartition partition, long offset, PartitionOffsets owner) {
            this.partition = partition;
            this.offset = offset;
            this.owner = owner;
        }

        public TopicPartition partition() {
            return partition;
        }

        public long offset() {
            return offset;
        }
    }

    private final Map<TopicPartition, PartitionOffsets> partitions = new HashMap<>();

    public Ticket started(TopicPartition partition, long offset) {
        PartitionOffsets offsets = partitions.computeIfAbsent(partition, p -> new PartitionOffsets());
        offsets.started(offset);
        return new Ticket(partition, offset, offsets);
    }

    /** Marks the ticket's offset finished; false when its partition was forgotten since (revoked, maybe reassigned). */
    public boolean finished(Ticket ticket) {
        if (partitions.get(ticket.partition) != ticket.owner) {
            return false;
        }
        ticket.owner.finished(ticket.offset);
        return true;
    }

    /** Offsets taken on and not finished, across partitions: what is buffered or in flight. */
    public int unfinished() {
        return partitions.values().stream().mapToInt(PartitionOffsets::unfinished).sum();
    }

    public OptionalLong committable(TopicPartition partition) {
        PartitionOffsets offsets = partitions.get(partition);
        return offsets == null || offsets.committable() < 0 ? OptionalLong.empty() : OptionalLong.of(offsets.committable());
    }

    /** The offsets to commit among {@code which}: only partitions that moved since their last commit. */
    public Map<TopicPartition, OffsetAndMetadata> toCommit(Collection<TopicPartition> which) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition partition : which) {
            PartitionOffsets offsets = partitions.get(partition);
            if (offsets != null && offsets.advanced()) {
                commit.put(partition, new OffsetAndMetadata(offsets.committable()));
            }
        }
        return commit;
    }

    /** All partitions' offsets to commit. */
    public Map<TopicPartition, OffsetAndMetadata> toCommit() {
        return toCommit(partitions.keySet());
    }

    /** Records a successful commit; returns how many commands it newly covers. */
    public int committed(Map<TopicPartition, OffsetAndMetadata> commit) {
        int covered = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : commit.entrySet()) {
            PartitionOffsets offsets = partitions.get(entry.getKey());
            if (offsets != null) {
                covered += offsets.committed(entry.getValue().offset());
            }
        }
        return covered;
    }

    /** Drops partitions this instance no longer owns; their late finishes are ignored. */
    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
