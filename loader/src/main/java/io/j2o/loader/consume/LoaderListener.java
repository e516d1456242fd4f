package io.j2o.loader.consume;

import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.OpenProjectCommand;
import java.util.List;

/** Hears what the loader does, for progress reporting and metrics; called from loader threads. */
public interface LoaderListener {

    LoaderListener NONE = new LoaderListener() {
    };

    /** One listener that tells each of {@code listeners}, in order. */
    static LoaderListener all(List<LoaderListener> listeners) {
        List<LoaderListener> copy = List.copyOf(listeners);
        return new LoaderListener() {
            @Override
            public void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
                copy.forEach(l -> l.commandApplied(key, command, outcome));
            }

            @Override
            public void deadLettered(DeadLetter deadLetter) {
                copy.forEach(l -> l.deadLettered(deadLetter));
            }

            @Override
            public void batchCommitted(int commands) {
                copy.forEach(l -> l.batchCommitted(commands));
            }
        };
    }

    /** OpenProject now reflects the command; its mapping is not yet published nor its offset committed. */
    default void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
    }

    /** The command was parked in the dead-letter topic. */
    default void deadLettered(DeadLetter deadLetter) {
    }

    /**
     * A commit newly covered {@code commands} more commands: their mappings, journal entries and dead letters are in
     * Kafka and their offsets committed. Each command is counted once, when the commit first passes it.
     */
    default void batchCommitted(int commands) {
    }
}
