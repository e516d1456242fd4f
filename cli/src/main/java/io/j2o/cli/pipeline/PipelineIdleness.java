package io.j2o.cli.pipeline;

import io.j2o.transformer.TransformerCounters;

/** When a pipeline has worked off what was extracted, judged from the transformer's and the loader's counters. */
public final class PipelineIdleness {

    private PipelineIdleness() {
    }

    /**
     * The transformer has taken in {@code expectedReceived} events and committed its way to the end of the Jira
     * topics (after a replay rewound it, that is more than the pass extracted), no command is in transit to the task
     * that owns its reference, and the loader has committed every command the transformer emitted. Commands parked
     * for a reference that has not arrived do not keep the pipeline busy: they are listed, not waited for.
     */
    public static boolean isIdle(Pipeline pipeline, long expectedReceived) {
        // The backlog first: read after the counters, it could reach zero by work the counters read did not include.
        if (pipeline.transformerBacklog() > 0) {
            return false;
        }
        TransformerCounters t = pipeline.transformerCounters();
        return t.received() >= expectedReceived
                && t.arrivedFromReferences() >= t.sentToReferences()
                && pipeline.loaderProgress().committed() >= t.emitted();
    }
}
