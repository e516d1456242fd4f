package io.j2o.cli.demo;

import io.j2o.loader.consume.LoaderListener;
import io.j2o.schemas.avro.DeadLetter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The dead letters the loader parked while the demo runs, heard as they happen: a sync-latency check judges an edit
 * many times a second, too often to read the dead-letter topic each time.
 */
final class HeardDeadLetters implements LoaderListener {

    private final List<DeadLetter> heard = new CopyOnWriteArrayList<>();

    @Override
    public void deadLettered(DeadLetter deadLetter) {
        heard.add(deadLetter);
    }

    List<DeadLetter> all() {
        return List.copyOf(heard);
    }
}
