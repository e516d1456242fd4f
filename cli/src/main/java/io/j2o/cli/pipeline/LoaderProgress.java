package io.j2o.cli.pipeline;

import io.j2o.loader.consume.LoaderListener;
import io.j2o.schemas.avro.DeadLetter;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what the loader instances finished, for progress and for knowing when the pipeline is idle. */
public final class LoaderProgress implements LoaderListener {

    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();

    @Override
    public void deadLettered(DeadLetter deadLetter) {
        deadLettered.incrementAndGet();
    }

    @Override
    public void batchCommitted(int commands) {
        committed.addAndGet(commands);
    }

    /** Commands whose offsets are committed, parked ones included. */
    public long committed() {
        return committed.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }
}
