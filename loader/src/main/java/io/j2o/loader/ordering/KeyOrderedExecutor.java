package io.j2o.loader.ordering;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs items concurrently across keys and strictly in submission order within a key: per key a FIFO queue, at most
 * one item of a key in flight, at most {@code concurrency} in flight overall. An item whose work throws blocks its
 * key for good (nothing after it may overtake it) and stops all further dispatch; the owner reads {@link #failure()}.
 *
 * @param <T> the work item, e.g. a consumed record
 */
public final class KeyOrderedExecutor<T> {

    /** The items of one key that wait, and the one in flight if any. */
    private static final class KeyQueue<T> {
        final ArrayDeque<T> waiting = new ArrayDeque<>();
        T running;
        boolean failed;
    }

    private final int concurrency;
    private final Executor executor;
    private final Consumer<T> work;
    private final Map<String, KeyQueue<T>> keys = new HashMap<>();
    /** Keys whose head item may start now, oldest first so no key starves. */
    private final ArrayDeque<String> ready = new ArrayDeque<>();
    private int inFlight;
    private int waiting;
    private Throwable failure;

    /**
     * @param executor runs each dispatched item; it must not run it on the calling thread (a thread pool, or a
     *                 test's hand-cranked queue)
     * @param work     what to do with one item; it runs on the executor's threads
     */
    public KeyOrderedExecutor(int concurrency, Executor executor, Consumer<T> work) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.concurrency = concurrency;
        this.executor = executor;
        this.work = work;
    }

    public synchronized void submit(String key, T item) {
        KeyQueue<T> queue = keys.computeIfAbsent(key, k -> new KeyQueue<>());
        queue.waiting.add(item);
        waiting++;
        if (queue.running == null && !queue.failed && queue.waiting.size() == 1) {
            ready.add(key);
        }
        dispatch();
    }

    /** Items started and not yet finished. */
    public synchronized int inFlight() {
        return inFlight;
    }

    /** Items submitted and not yet started. */
    public synchronized int waiting() {
        return waiting;
    }

    /** The first exception an item's work threw, or null. */
    public synchronized Throwable failure() {
        return failure;
    }

    /** Drops the waiting (not yet started) items that match; items in flight are not touched. */
    public synchronized int discard(Predicate<? super T> which) {
        int dropped = 0;
        for (Iterator<Map.Entry<String, KeyQueue<T>>> it = keys.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, KeyQueue<T>> entry = it.next();
            KeyQueue<T> queue = entry.getValue();
            int before = queue.waiting.size();
            queue.waiting.removeIf(which);
            dropped += before - queue.waiting.size();
            if (queue.waiting.isEmpty()) {
                ready.remove(entry.getKey());
                if (queue.running == null) {
                    it.remove();
                }
            }
        }
        waiting -= dropped;
        return dropped;
    }

    /** Waits until no item in flight matches; false when {@code timeout} passed first. */
    public synchronized boolean awaitInFlight(Predicate<? super T> which, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (keys.values().stream().anyMatch(q -> q.running != null && which.test(q.running))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void dispatch() {
        while (failure == null && inFlight < concurrency && !ready.isEmpty()) {
            String key = ready.poll();
            KeyQueue<T> queue = keys.get(key);
            T item = queue.waiting.poll();
            queue.running = item;
            waiting--;
            inFlight++;
            executor.execute(() -> run(key, item));
        }
    }

    private void run(String key, T item) {
        Throwable thrown = null;
        try {
            work.accept(item);
        } catch (Throwable t) {
            thrown = t;
        }
        finished(key, thrown);
    }

    private synchronized void finished(String key, Throwable thrown) {
        inFlight--;
        KeyQueue<T> queue = keys.get(key);
        queue.running = null;
        if (thrown != null) {
            queue.failed = true;
            if (failure == null) {
                failure = thrown;
            }
        } else if (queue.waiting.isEmpty()) {
            keys.remove(key);
        } else {
            ready.add(key);
        }
        dispatch();
        notifyAll();
    }
}
