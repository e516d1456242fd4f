package io.j2o.loader.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyOrderedExecutorTest {

    /** An item: its key and its place among that key's items. */
    private record Item(String key, int seq) {
    }

    /** Holds dispatched runnables until the test runs them, in whatever order it likes. */
    private static final class HandCranked implements java.util.concurrent.Executor {
        final List<Runnable> started = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            started.add(command);
        }

        void finish(int index) {
            started.remove(index).run();
        }
    }

    private final HandCranked pool = new HandCranked();
    private final List<Item> applied = new ArrayList<>();

    @Test
    void perKeyOrderAndTheConcurrencyBoundHoldUnderRandomCompletionOrder() {
        int concurrency = 4;
        KeyOrderedExecutor<Item> executor = new KeyOrderedExecutor<>(concurrency, pool, applied::add);
        Random random = new Random(7);
        Map<String, Integer> submitted = new HashMap<>();
        for (int i = 0; i < 2_000; i++) {
            String key = "k" + random.nextInt(12);
            executor.submit(key, new Item(key, submitted.merge(key, 1, Integer::sum)));
            if (random.nextBoolean() && !pool.started.isEmpty()) {
                pool.finish(random.nextInt(pool.started.size()));
            }
            assertThat(executor.inFlight()).isEqualTo(pool.started.size()).isLessThanOrEqualTo(concurrency);
            assertThat(pool.started).hasSizeLessThanOrEqualTo(concurrency);
        }
        while (!pool.started.isEmpty()) {
            pool.finish(random.nextInt(pool.started.size()));
            assertThat(pool.started).hasSizeLessThanOrEqualTo(concurrency);
        }

        assertThat(applied).hasSize(2_000);
        Map<String, Integer> last = new HashMap<>();
        for (Item item : applied) {
            assertThat(item.seq()).as("order of key %s", item.key()).isEqualTo(last.getOrDefault(item.key(), 0) + 1);
            last.put(item.key(), item.seq());
        }
    }

    @Test
    void aKeyNeverHasTwoItemsInFlight() {
        KeyOrderedExecutor<Item> executor = new KeyOrderedExecutor<>(8, pool, applied::add);
        for (int seq = 1; seq <= 5; seq++) {
            executor.submit("same", new Item("same", seq));
        }
        executor.submit("other", new Item("other", 1));

        assertThat(pool.started).as("one of 'same' and the one of 'other'").hasSize(2);
        assertThat(executor.waiting()).isEqualTo(4);
        pool.finish(0);
        assertThat(pool.started).hasSize(2);
        assertThat(executor.waiting()).isEqualTo(3);
    }

    @Test
    void aFailedItemBlocksItsKeyAndStopsFurtherDispatch() {
        KeyOrderedExecutor<Item> executor = new KeyOrderedExecutor<>(2, pool, item -> {
            if (item.seq() == 1 && item.key().equals("bad")) {
                throw new IllegalStateException("OpenProject unavailable");
            }
            applied.add(item);
        });
        executor.submit("bad", new Item("bad", 1));
        executor.submit("bad", new Item("bad", 2));
        executor.submit("good", new Item("good", 1));
        executor.submit("late", new Item("late", 1));

        pool.finish(0); // bad#1 fails
        assertThat(executor.failure()).hasMessage("OpenProject unavailable");
        assertThat(pool.started).as("nothing new starts after a failure").hasSize(1);
        pool.finish(0); // good#1, already in flight, still finishes
        assertThat(applied).containsExactly(new Item("good", 1));
        assertThat(pool.started).isEmpty();
        assertThat(executor.waiting()).as("bad#2 and late#1 wait").isEqualTo(2);
    }

    @Test
    void discardDropsOnlyWaitingItemsAndAwaitWaitsForThoseInFlight() throws Exception {
        KeyOrderedExecutor<Item> executor = new KeyOrderedExecutor<>(1, pool, applied::add);
        executor.submit("a", new Item("a", 1));
        executor.submit("a", new Item("a", 2));
        executor.submit("b", new Item("b", 1));

        assertThat(executor.discard(item -> true)).isEqualTo(2);
        assertThat(executor.awaitInFlight(item -> item.key().equals("b"), Duration.ZERO)).isTrue();
        assertThat(executor.awaitInFlight(item -> item.key().equals("a"), Duration.ofMillis(10))).isFalse();
        pool.finish(0);
        assertThat(executor.awaitInFlight(item -> true, Duration.ZERO)).isTrue();
        assertThat(applied).containsExactly(new Item("a", 1));
        assertThat(pool.started).isEmpty();
        executor.submit("a", new Item("a", 3));
        assertThat(pool.started).as("a discarded key starts afresh").hasSize(1);
    }

    @Test
    void onARealPoolTheBoundAndPerKeyOrderHold() throws Exception {
        int concurrency = 16;
        ExecutorService threads = Executors.newFixedThreadPool(32);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Map<String, AtomicInteger> perKeyRunning = new ConcurrentHashMap<>();
        Map<String, List<Integer>> order = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(3_000);
        Random random = new Random(3);
        KeyOrderedExecutor<Item> executor = new KeyOrderedExecutor<>(concurrency, threads, item -> {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            assertThat(perKeyRunning.computeIfAbsent(item.key(), k -> new AtomicInteger()).incrementAndGet()).isEqualTo(1);
            try {
                Thread.sleep(0, 200_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(item.seq());
            perKeyRunning.get(item.key()).decrementAndGet();
            running.decrementAndGet();
            all.countDown();
        });
        Map<String, Integer> submitted = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            String key = "k" + random.nextInt(40);
            executor.submit(key, new Item(key, submitted.merge(key, 1, Integer::sum)));
        }
        try {
            assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }
        assertThat(executor.failure()).isNull();
        assertThat(peak.get()).isLessThanOrEqualTo(concurrency).isGreaterThan(1);
        order.forEach((key, seqs) -> assertThat(seqs).as(key).isSorted().hasSize(submitted.get(key)));
    }
}
