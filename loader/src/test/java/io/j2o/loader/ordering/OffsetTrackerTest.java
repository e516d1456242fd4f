package io.j2o.loader.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("commands", 0);
    private static final TopicPartition P1 = new TopicPartition("commands", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitStopsAtTheLowestUnfinishedOffsetWhileLaterOnesFinish() {
        List<OffsetTracker.Ticket> tickets = startAll(P0, 10, 20);
        for (int i = tickets.size() - 1; i >= 1; i--) {
            tracker.finished(tickets.get(i));
            assertThat(tracker.committable(P0)).hasValue(10);
        }
        tracker.finished(tickets.get(0));
        assertThat(tracker.committable(P0)).hasValue(20);
    }

    @Test
    void randomCompletionOrderNeverAdvancesTheCommitPastAPendingOffset() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            OffsetTracker fresh = new OffsetTracker();
            List<OffsetTracker.Ticket> tickets = new ArrayList<>();
            for (long offset = 0; offset < 50; offset++) {
                tickets.add(fresh.started(P0, offset * 2)); // gaps, as transaction markers leave them
            }
            List<OffsetTracker.Ticket> order = new ArrayList<>(tickets);
            Collections.shuffle(order, random);
            List<Long> finished = new ArrayList<>();
            for (OffsetTracker.Ticket ticket : order) {
                fresh.finished(ticket);
                finished.add(ticket.offset());
                long committable = fresh.committable(P0).orElseThrow();
                assertThat(tickets).filteredOn(t -> t.offset() < committable)
                        .allMatch(t -> finished.contains(t.offset()), "every offset below the commit is finished");
            }
            assertThat(fresh.committable(P0)).hasValue(99);
        }
    }

    @Test
    void partitionsAreTrackedIndependently() {
        List<OffsetTracker.Ticket> p0 = startAll(P0, 0, 5);
        List<OffsetTracker.Ticket> p1 = startAll(P1, 100, 105);
        p1.forEach(tracker::finished);
        assertThat(tracker.toCommit()).containsOnly(Map.entry(P1, new OffsetAndMetadata(105)));
        assertThat(tracker.committable(P0)).hasValue(0);
        assertThat(tracker.unfinished()).isEqualTo(p0.size());
    }

    @Test
    void aCommitCountsEachCommandOnceAndIsNotRepeatedUntilTheOffsetMoves() {
        List<OffsetTracker.Ticket> tickets = startAll(P0, 0, 4);
        tracker.finished(tickets.get(0));
        tracker.finished(tickets.get(1));
        tracker.finished(tickets.get(3));
        Map<TopicPartition, OffsetAndMetadata> first = tracker.toCommit();
        assertThat(first).containsOnly(Map.entry(P0, new OffsetAndMetadata(2)));
        assertThat(tracker.committed(first)).isEqualTo(2);
        assertThat(tracker.toCommit()).as("nothing moved since the last commit").isEmpty();

        tracker.finished(tickets.get(2));
        Map<TopicPartition, OffsetAndMetadata> second = tracker.toCommit();
        assertThat(second).containsOnly(Map.entry(P0, new OffsetAndMetadata(4)));
        assertThat(tracker.committed(second)).isEqualTo(2);
    }

    @Test
    void finishingAfterThePartitionWasRevokedAndReassignedChangesNothing() {
        OffsetTracker.Ticket old = tracker.started(P0, 7);
        tracker.forget(List.of(P0));
        tracker.started(P0, 7); // the partition came back and offset 7 is replayed

        assertThat(tracker.finished(old)).isFalse();
        assertThat(tracker.committable(P0)).hasValue(7);
        assertThat(tracker.unfinished()).isEqualTo(1);
    }

    private List<OffsetTracker.Ticket> startAll(TopicPartition partition, long from, long to) {
        List<OffsetTracker.Ticket> tickets = new ArrayList<>();
        for (long offset = from; offset < to; offset++) {
            tickets.add(tracker.started(partition, offset));
        }
        return tickets;
    }
}
