package io.j2o.loader.ordering;

import java.util.ArrayDeque;
import java.util.TreeSet;

/**
 * The offsets of one partition that this instance took on: the committable offset is the lowest one not yet finished,
 * or one past the highest taken on when all are finished, so a slow command holds the commit back. Not thread-safe.
 */
final class PartitionOffsets {

    private final TreeSet<Long> unfinished = new TreeSet<>();
    /** Offsets taken on and not yet covered by a commit, ascending (they arrive in offset order). */
    private final ArrayDeque<Long> uncommitted = new ArrayDeque<>();
    private long next = -1;
    private long committed = -1;

    void started(long offset) {
        if (offset < next) {
            throw new IllegalArgumentException("offset " + offset + " taken on after " + (next - 1));
        }
        if (next < 0) {
            committed = offset; // where this assignment started: committing it again would move nothing
        }
        unfinished.add(offset);
        uncommitted.add(offset);
        next = offset + 1;
    }

    void finished(long offset) {
        unfinished.remove(offset);
    }

    int unfinished() {
        return unfinished.size();
    }

    /** The offset to commit now, or -1 when nothing was taken on. */
    long committable() {
        return unfinished.isEmpty() ? next : unfinished.first();
    }

    /** Whether a commit would move the partition forward. */
    boolean advanced() {
        return committable() > committed;
    }

    /** Records a successful commit of {@code offset}; returns how many offsets it newly covers. */
    int committed(long offset) {
        committed = Math.max(committed, offset);
        int covered = 0;
        while (!uncommitted.isEmpty() && uncommitted.peek() < offset) {
            uncommitted.poll();
            covered++;
        }
        return covered;
    }
}
