package io.j2o.transformer.topology;

import io.j2o.transformer.normalize.CanonicalJson;
import io.j2o.transformer.normalize.Checksums;
import io.j2o.transformer.rules.CommandDraft;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The checksum store: for each command key, the checksum of the command last emitted for it. Keyed by command, not
 * by Jira event, so one issue event that yields a work package and its comments re-emits only what changed.
 */
final class EmittedChecksums {

    private final KeyValueStore<String, String> store;

    EmittedChecksums(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /**
     * The draft's checksum when it differs from the one last emitted for its key (and is now remembered). It covers
     * what the command does, not how it was computed: a changed rule or mapping re-emits exactly the commands whose
     * result it changes. The replay epoch is the one deliberate exception: bumped, it makes every command it covers
     * new.
     */
    Optional<String> changed(CommandDraft draft, int replayEpoch) {
        String checksum = Checksums.sha256("epoch:" + replayEpoch, draft.action().name(),
                draft.body() == null ? "" : CanonicalJson.of(draft.body()));
        String key = CommandRouter.targetKey(draft.kind(), draft.jiraId());
        if (checksum.equals(store.get(key))) {
            return Optional.empty();
        }
        store.put(key, checksum);
        return Optional.of(checksum);
    }

    void forget(String commandKey) {
        store.delete(commandKey);
    }
}
