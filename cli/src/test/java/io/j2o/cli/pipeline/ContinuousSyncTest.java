package io.j2o.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.j2o.extractor.ExtractionStats;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ContinuousSyncTest {

    private static final Duration POLL = Duration.ofMillis(100);

    @Test
    void aFailedPassIsCountedAndTheNextPassRetries() {
        AtomicInteger calls = new AtomicInteger();
        Supplier<ExtractionStats> extraction = () -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("Jira unreachable after 6 attempts");
            }
            return new ExtractionStats(1, calls.get());
        };
        List<ContinuousSync.Pass> passes = new CopyOnWriteArrayList<>();

        try (ContinuousSync sync = ContinuousSync.start(POLL, extraction, passes::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> passes.size() >= 4);

            assertThat(sync.failedPasses()).isEqualTo(1);
            assertThat(passes.get(1).failed()).isTrue();
            assertThat(passes.get(1).error()).contains("Jira unreachable after 6 attempts");
            assertThat(passes.get(2).failed()).as("the pass after the failure").isFalse();
            assertThat(passes.get(2).stats().issues()).isEqualTo(3);
            assertThat(passes).extracting(ContinuousSync.Pass::number).startsWith(1L, 2L, 3L, 4L);
            assertThat(sync.lastPass()).isPresent();
        }
    }

    @Test
    void passesStartOnePollIntervalApartWithoutCatchUpBursts() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Supplier<ExtractionStats> extraction = () -> {
            starts.add(System.nanoTime());
            if (calls.incrementAndGet() == 2) {
                sleep(800);
            }
            return new ExtractionStats(0, 0);
        };

        try (ContinuousSync sync = ContinuousSync.start(Duration.ofMillis(500), extraction, pass -> { })) {
            await().atMost(Duration.ofSeconds(10)).until(() -> starts.size() >= 4);
        }

        assertThat(millisBetween(starts, 0, 1)).as("an ordinary pass waits for the interval").isBetween(490L, 790L);
        assertThat(millisBetween(starts, 1, 2)).as("a slow pass is followed at once, not after another interval")
                .isBetween(790L, 1250L);
        assertThat(millisBetween(starts, 2, 3)).as("and then the interval again, no burst to catch up").isGreaterThanOrEqualTo(490L);
    }

    @Test
    void closeLetsThePassInHandFinishAndStartsNoOther() {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        ContinuousSync sync = ContinuousSync.start(Duration.ofSeconds(2), () -> {
            started.incrementAndGet();
            sleep(300);
            finished.incrementAndGet();
            return new ExtractionStats(0, 0);
        }, pass -> { });
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> started.get() == 1);

        sync.close();

        assertThat(finished.get()).as("the pass in hand finished").isEqualTo(1);
        assertThat(sync.passes()).isEqualTo(1);
        sleep(300);
        assertThat(started.get()).as("no pass started after close").isEqualTo(1);
    }

    private static long millisBetween(List<Long> nanos, int from, int to) {
        return (nanos.get(to) - nanos.get(from)) / 1_000_000;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
