package io.j2o.transformer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Running totals of what the transformer did, for progress and reports. Under exactly-once a retried task may count
 * a record twice; the totals are for people, never for correctness.
 */
public final class TransformerCounters {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong released = new AtomicLong();
    private final AtomicLong sentToReferences = new AtomicLong();
    private final AtomicLong arrivedFromReferences = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    public long received() {
        return received.get();
    }

    public long unchanged() {
        return unchanged.get();
    }

    public long emitted() {
        return emitted.get();
    }

    /** Commands parked until a reference they need has been loaded. */
    public long waiting() {
        return waiting.get();
    }

    public long released() {
        return released.get();
    }

    /** Commands handed to the reference topic, to be judged by the task that owns the reference. */
    public long sentToReferences() {
        return sentToReferences.get();
    }

    /** Commands taken from the reference topic; fewer than were sent means some are still in transit. */
    public long arrivedFromReferences() {
        return arrivedFromReferences.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    public void countReceived() {
        received.incrementAndGet();
    }

    public void countUnchanged() {
        unchanged.incrementAndGet();
    }

    public void countEmitted() {
        emitted.incrementAndGet();
    }

    public void countWaiting() {
        waiting.incrementAndGet();
    }

    public void countReleased() {
        released.incrementAndGet();
    }

    public void countSentToReferences() {
        sentToReferences.incrementAndGet();
    }

    public void countArrivedFromReferences() {
        arrivedFromReferences.incrementAndGet();
    }

    public void countDeadLettered() {
        deadLettered.incrementAndGet();
    }
}
