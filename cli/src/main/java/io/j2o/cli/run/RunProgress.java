package io.j2o.cli.run;

import io.j2o.cli.pipeline.ContinuousSync;
import io.j2o.cli.pipeline.Pipeline;
import io.j2o.extractor.ExtractionStats;
import io.j2o.transformer.TransformerCounters;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;

/** The running commentary of {@code j2o run}: what was extracted, transformed and loaded so far, from counters only. */
final class RunProgress {

    private final Pipeline pipeline;
    private final PrintWriter out;
    private final long startNanos;
    private final AtomicLong extracted = new AtomicLong();
    private volatile ContinuousSync sync;

    RunProgress(Pipeline pipeline, PrintWriter out, long startNanos) {
        this.pipeline = pipeline;
        this.out = out;
        this.startNanos = startNanos;
    }

    void extracted(ExtractionStats pass) {
        extracted.addAndGet(pass.events());
    }

    /** Adds the continuous sync's passes to every line from now on. */
    void following(ContinuousSync sync) {
        this.sync = sync;
    }

    void print() {
        TransformerCounters t = pipeline.transformerCounters();
        out.printf("[%6.1fs] extracted %d%s | transformed %d (unchanged %d, waiting %d) | loaded %d (dlq %d)%s%n",
                (System.nanoTime() - startNanos) / 1e9,
                extracted.get(), passes(),
                t.received(), t.unchanged(), t.waiting(),
                pipeline.loaderProgress().committed(), pipeline.loaderProgress().deadLettered() + t.deadLettered(),
                pipeline.stoppedParts().isEmpty() ? "" : " | STOPPED: " + pipeline.stoppedParts() + ", see the log");
        out.flush();
    }

    /** {@code  in 12 passes (1 failed, last 0.4 s: <error>)}, or nothing before continuous sync runs. */
    private String passes() {
        ContinuousSync following = sync;
        if (following == null) {
            return "";
        }
        String last = following.lastPass()
                .map(pass -> String.format(", last %.1f s%s", pass.duration().toMillis() / 1000.0,
                        pass.failed() ? ": " + pass.error() : ""))
                .orElse("");
        return String.format(" in %d passes (%d failed%s)", following.passes(), following.failedPasses(), last);
    }
}
