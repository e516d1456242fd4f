package io.j2o.loader.consume;

import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JournalEntry;
import io.j2o.schemas.avro.Mapping;

/**
 * What applying one command leaves to publish: its new mapping (or a tombstone), a journal entry when something was
 * written, or a dead letter when it could not be applied.
 *
 * @param publishMapping whether the mapping topic must learn something (false when the command was a re-delivery)
 */
record CommandResult(String key, boolean publishMapping, Mapping mapping, JournalEntry journal, DeadLetter deadLetter) {

    static CommandResult alreadyApplied(String key) {
        return new CommandResult(key, false, null, null, null);
    }

    static CommandResult applied(String key, Mapping mapping, JournalEntry journal) {
        return new CommandResult(key, true, mapping, journal, null);
    }

    static CommandResult parked(String key, DeadLetter deadLetter) {
        return new CommandResult(key, false, null, null, deadLetter);
    }
}
