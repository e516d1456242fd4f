package io.j2o.cli.run;

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

    RunProgress(Pipeline pipeline, PrintWriter out, long startNanos) {
        this.pipeline = pipeline;
        this.out = out;
        this.startNanos = startNanos;
    }

    void extracted(ExtractionStats pass) {
        extracted.addAndGet(pass.projects() + pass.issues());
    }

    void print() {
        TransformerCounters t = pipeline.transformerCounters();
        out.printf("[%6.1fs] extracted %d | transformed %d (unchanged %d, waiting %d) | loaded %d (dlq %d)%s%n",
                (System.nanoTime() - startNanos) / 1e9,
                extracted.get(),
                t.received(), t.unchanged(), t.waiting() - t.released(),
                pipeline.loaderProgress().committed(), pipeline.loaderProgress().deadLettered() + t.deadLettered(),
                pipeline.stoppedParts().isEmpty() ? "" : " | STOPPED: " + pipeline.stoppedParts() + ", see the log");
        out.flush();
    }
}
