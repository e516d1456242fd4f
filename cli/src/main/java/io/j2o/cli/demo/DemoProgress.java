package io.j2o.cli.demo;

import io.j2o.cli.pipeline.Pipeline;
import io.j2o.cli.pipeline.PipelineIdleness;
import io.j2o.transformer.TransformerCounters;
import java.io.PrintWriter;
import java.util.List;

/** The demo's running commentary: one line of counts per kind, Jira against OpenProject, every few seconds. */
final class DemoProgress {

    private final EmbeddedSandbox sandbox;
    private final Pipeline pipeline;
    private final PrintWriter out;
    private final long startNanos;

    DemoProgress(EmbeddedSandbox sandbox, Pipeline pipeline, PrintWriter out, long startNanos) {
        this.sandbox = sandbox;
        this.pipeline = pipeline;
        this.out = out;
        this.startNanos = startNanos;
    }

    void print() {
        TransformerCounters t = pipeline.transformerCounters();
        out.printf("[%6.1fs] jira: %d issues | transformed %d (unchanged %d, waiting %d) | loaded %d (dlq %d) "
                        + "| openproject: %d projects, %d work packages, %d writes%s%n",
                (System.nanoTime() - startNanos) / 1e9,
                sandbox.jira().issues().size(),
                t.received(), t.unchanged(), t.waiting(),
                pipeline.loaderProgress().committed(), pipeline.loaderProgress().deadLettered() + t.deadLettered(),
                sandbox.openProject().projects().size(), sandbox.openProject().workPackages().size(),
                sandbox.openProject().writeCount(),
                pipeline.stoppedParts().isEmpty() ? "" : " | STOPPED: " + pipeline.stoppedParts() + ", see the log");
        out.flush();
    }

    List<String> stoppedParts() {
        return pipeline.stoppedParts();
    }

    /** See {@link PipelineIdleness#isIdle}. */
    boolean isQuiet(long expectedReceived) {
        return PipelineIdleness.isIdle(pipeline, expectedReceived);
    }
}
