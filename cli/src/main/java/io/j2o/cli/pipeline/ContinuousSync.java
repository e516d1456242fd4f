package io.j2o.cli.pipeline;

import io.j2o.extractor.ExtractionStats;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an extraction pass every poll interval, start to start, until closed. A failed pass (Jira unreachable after
 * its retries) is logged and counted and the next pass retries: the watermark did not move, so nothing is lost.
 */
public final class ContinuousSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuousSync.class);
    /** How long {@link #close()} lets the pass in hand finish before interrupting it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    /**
     * What one pass did.
     *
     * @param stats null when the pass failed
     * @param error why the pass failed, null when it did not
     */
    public record Pass(long number, Duration duration, ExtractionStats stats, String error) {

        public boolean failed() {
            return error != null;
        }
    }

    private final Duration pollInterval;
    private final Supplier<ExtractionStats> extraction;
    private final Consumer<Pass> listener;
    private final ScheduledExecutorService scheduler;
    private final AtomicLong passes = new AtomicLong();
    private final AtomicLong failedPasses = new AtomicLong();
    private volatile Pass lastPass;
    private volatile boolean closed;

    private ContinuousSync(Duration pollInterval, Supplier<ExtractionStats> extraction, Consumer<Pass> listener) {
        if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive, was " + pollInterval);
        }
        this.pollInterval = pollInterval;
        this.extraction = Objects.requireNonNull(extraction, "extraction");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "j2o-continuous-sync"));
    }

    /**
     * Starts passing at once, then every {@code pollInterval} from the start of the previous pass; a pass that takes
     * longer is followed at once by the next, never overlapped by it and never by a burst of catch-up passes.
     *
     * @param extraction one pass, e.g. {@code () -> pipeline.extractor().runOnce(false)}
     * @param listener   told after every pass, failed ones included, on the sync's thread
     */
    public static ContinuousSync start(Duration pollInterval, Supplier<ExtractionStats> extraction, Consumer<Pass> listener) {
        ContinuousSync sync = new ContinuousSync(pollInterval, extraction, listener);
        sync.scheduler.execute(sync::pass);
        return sync;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** Passes finished so far, failed ones included. */
    public long passes() {
        return passes.get();
    }

    public long failedPasses() {
        return failedPasses.get();
    }

    /** The pass finished last, empty before the first one ends. */
    public Optional<Pass> lastPass() {
        return Optional.ofNullable(lastPass);
    }

    private void pass() {
        long started = System.nanoTime();
        long number = passes.get() + 1;
        Pass pass;
        try {
            ExtractionStats stats = extraction.get();
            pass = new Pass(number, Duration.ofNanos(System.nanoTime() - started), stats, null);
        } catch (RuntimeException e) {
            failedPasses.incrementAndGet();
            pass = new Pass(number, Duration.ofNanos(System.nanoTime() - started), null, e.toString());
            LOG.warn("extraction pass failed, next try in {} pass={} reason={}", pollInterval, number, e.toString(), e);
        }
        lastPass = pass;
        passes.incrementAndGet();
        try {
            listener.accept(pass);
        } catch (RuntimeException e) {
            LOG.warn("pass listener failed pass={} reason={}", number, e.toString(), e);
        }
        scheduleNext(started);
    }

    private void scheduleNext(long startedNanos) {
        if (closed) {
            return;
        }
        long waitNanos = Math.max(0, pollInterval.toNanos() - (System.nanoTime() - startedNanos));
        try {
            scheduler.schedule(this::pass, waitNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // close() shut the scheduler down between the check above and here: stopping is what was asked for.
        }
    }

    /** Stops passing: the pass in hand finishes (interrupted only after a minute), no further one starts. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("extraction pass still running after {}, interrupting it", STOP_GRACE);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
