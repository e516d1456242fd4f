package io.j2o.transformer;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Running totals of what the transformer did, for progress and reports. Under exactly-once a retried task may count
 * a record twice; the totals are for people, never for correctness. {@link #waiting()} is the exception: it is what
 * the pending stores hold, recounted from each store when its task starts.
 */
public final class TransformerCounters {

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong emitted = new AtomicLong();
    private final ConcurrentMap<TaskId, AtomicLong> waitingByTask = new ConcurrentHashMap<>();
    private final AtomicLong sentToReferences = new AtomicLong();
    private final AtomicLong arrivedFromReferences = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong unresolvableReferences = new AtomicLong();

    public long received() {
        return received.get();
    }

    public long unchanged() {
        return unchanged.get();
    }

    public long emitted() {
        return emitted.get();
    }

    /**
     * Commands parked now, in the pending stores of this instance's tasks, until a reference they need has been loaded;
     * a command that replaced an older one for the same target counts once. Commands sent with fallback text (store
     * {@code text-pending}) do not wait and are not counted.
     */
    public long waiting() {
        return waitingByTask.values().stream().mapToLong(AtomicLong::get).sum();
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

    /**
     * Soft references in the texts of emitted commands that nothing migrated can resolve (an image of another issue's
     * attachment): each keeps its fallback text for good.
     */
    public long unresolvableReferences() {
        return unresolvableReferences.get();
    }

    public void countUnresolvableReferences(int count) {
        unresolvableReferences.addAndGet(count);
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

    /**
     * A task (re)started with {@code held} commands in its pending store. Its count starts again from the store, so
     * whatever an aborted or moved run of the task counted is not carried over.
     */
    public void countWaitingHeld(TaskId task, long held) {
        waitingByTask.put(task, new AtomicLong(held));
    }

    /** A command was parked under a pending key the task's store did not hold. */
    public void countParked(TaskId task) {
        waitingByTask.computeIfAbsent(task, t -> new AtomicLong()).incrementAndGet();
    }

    /** A pending key was removed from the task's store: its command was released. */
    public void countReleased(TaskId task) {
        waitingByTask.computeIfAbsent(task, t -> new AtomicLong()).decrementAndGet();
    }

    /** The task is closed here: its pending store is no longer this instance's to count. */
    public void forgetWaiting(TaskId task) {
        waitingByTask.remove(task);
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
