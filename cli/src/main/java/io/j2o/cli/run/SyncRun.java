package io.j2o.cli.run;

import io.j2o.cli.config.ConfigLoader;
import io.j2o.cli.pipeline.ContinuousSync;
import io.j2o.cli.pipeline.Pipeline;
import io.j2o.cli.pipeline.PipelineIdleness;
import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.extractor.ExtractionStats;
import io.j2o.loader.consume.LoaderListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** One {@code j2o run}: start the pipeline, extract once or on every poll interval, and stop cleanly. */
final class SyncRun {

    /** Idleness must hold on this many consecutive checks: a mapping in flight can hide for one. */
    private static final int IDLE_CHECKS = 3;
    private static final long CHECK_MILLIS = 250;

    private final ConfigLoader.Loaded loaded;
    private final PipelineSettings settings;
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();

    /** @param settings the settings of {@code loaded}, or those narrowed by the command line */
    SyncRun(ConfigLoader.Loaded loaded, PipelineSettings settings, PrintWriter out) {
        this.loaded = loaded;
        this.settings = settings;
        this.out = out;
    }

    /**
     * One extraction pass, then wait until it is all transformed and loaded; 0 when it was, 1 otherwise.
     *
     * @param reconcile also look for issues deleted in Jira, due or not (a cron-style run of {@code --once} is due every
     *                  {@code extractor.reconcileEvery} runs anyway: the count is kept in the state topic)
     */
    int once(Duration timeout, boolean reconcile) throws InterruptedException {
        printStart();
        try (Pipeline pipeline = Pipeline.start(settings, LoaderListener.NONE)) {
            RunProgress progress = new RunProgress(pipeline, out, startNanos);
            ScheduledExecutorService ticker = ticker(progress);
            try {
                ExtractionStats pass = pipeline.extractor().runOnce(false, reconcile);
                progress.extracted(pass);
                out.printf("extracted %d projects and %d issues%s%n", pass.projects(), pass.issues(),
                        reconcile ? ", " + pass.deleted() + " deleted in Jira" : "");
                return awaitIdle(pipeline, progress, pass.events(), timeout);
            } finally {
                ticker.shutdownNow();
            }
        }
    }

    private int awaitIdle(Pipeline pipeline, RunProgress progress, long expectedReceived, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int idleChecks = 0;
        while (System.nanoTime() < deadline) {
            if (!pipeline.stoppedParts().isEmpty()) {
                progress.print();
                out.printf("stopped waiting: %s stopped; the log says why%n", pipeline.stoppedParts());
                return 1;
            }
            idleChecks = PipelineIdleness.isIdle(pipeline, expectedReceived) ? idleChecks + 1 : 0;
            if (idleChecks >= IDLE_CHECKS) {
                progress.print();
                out.println("idle: everything extracted is transformed and loaded");
                return 0;
            }
            Thread.sleep(CHECK_MILLIS);
        }
        progress.print();
        out.printf("gave up waiting after %s: the pipeline is still busy%n", timeout);
        return 1;
    }

    /**
     * Extracts every poll interval until the JVM is asked to stop; then extraction stops after the pass in hand, the
     * loader finishes its batch and Kafka Streams closes, before the shutdown hook lets the JVM go.
     */
    int untilStopped() throws InterruptedException {
        printStart();
        CountDownLatch stopRequested = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "j2o-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Pipeline pipeline = Pipeline.start(settings, LoaderListener.NONE)) {
            RunProgress progress = new RunProgress(pipeline, out, startNanos);
            ScheduledExecutorService ticker = ticker(progress);
            Duration pollInterval = loaded.config().extractor().pollInterval();
            out.printf("continuous sync: extracting every %s; SIGTERM or Ctrl-C stops cleanly%n", pollInterval);
            try (ContinuousSync sync = ContinuousSync.start(pollInterval, () -> pipeline.extractor().runOnce(false),
                    pass -> passed(pass, progress, pollInterval))) {
                progress.following(sync);
                stopRequested.await();
                out.println("stopping: extraction stops after the pass in hand; the loader finishes its batch, then Kafka Streams closes");
            } finally {
                ticker.shutdownNow();
            }
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        out.println("stopped");
        return 0;
    }

    /** A failed pass (Jira unreachable after its retries) is retried on the next poll; the watermark has not moved. */
    private void passed(ContinuousSync.Pass pass, RunProgress progress, Duration pollInterval) {
        if (pass.failed()) {
            out.printf("extraction pass %d failed (%s); next try in %s%n", pass.number(), pass.error(), pollInterval);
            out.flush();
        } else {
            progress.extracted(pass.stats());
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and ends once it sees the pipeline stopped.
        }
    }

    private void printStart() {
        out.printf("j2o run: Jira %s -> OpenProject %s through Kafka %s (topics %s*, %d partitions, %d loader instance(s))%n",
                settings.extractor().jiraUrl(), settings.loader().openProjectUrl(), settings.loader().bootstrapServers(),
                settings.topics().prefix(), settings.partitions(), settings.loaderInstances());
        out.flush();
    }

    private static ScheduledExecutorService ticker(RunProgress progress) {
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "j2o-run-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(progress::print, 2, 2, TimeUnit.SECONDS);
        return ticker;
    }
}
