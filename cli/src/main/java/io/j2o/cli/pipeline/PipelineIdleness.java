package io.j2o.cli.pipeline;

import io.j2o.transformer.TransformerCounters;

/** When a pipeline has worked off what was extracted, judged from the transformer's and the loader's counters. */
public final class PipelineIdleness {

    private PipelineIdleness() {
    }

    /**
     * The transformer has taken in {@code expectedReceived} events, no command is in transit to the task that owns
     * its reference, and the loader has committed every command the transformer emitted. Commands parked for a
     * reference that has not arrived do not keep the pipeline busy: they are listed, not waited for.
     */
    public static boolean isIdle(Pipeline pipeline, long expectedReceived) {
        TransformerCounters t = pipeline.transformerCounters();
        return t.received() >= expectedReceived
                && t.arrivedFromReferences() >= t.sentToReferences()
                && pipeline.loaderProgress().committed() >= t.emitted();
    }
}
