package io.j2o.transformer.topology;

import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.resolve.References;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps this task's share of the mappings the loader publishes, and releases every command that was waiting for
 * the mapping that just arrived. It runs in the same task as {@link AwaitingCommandProcessor}, so a command cannot
 * slip between "the mapping is missing" and "the mapping arrived". A work package's mapping is also published under
 * its {@code issue_key:<KEY>} alias, a Data Center user's under its {@code user_name:<name>} alias (see
 * {@link References#aliasOf}).
 */
final class MappingArrivalProcessor extends ReferenceTaskProcessor<Mapping> {

    /** The mapping topic itself: a mapping is published again under its alias ({@code issue_key:}, {@code user_name:}). */
    static final String ALIAS_SINK = "alias-sink";

    MappingArrivalProcessor(TransformerCounters counters) {
        super(counters);
    }

    @Override
    public void process(Record<String, Mapping> record) {
        Mapping mapping = record.value();
        if (mapping == null) {
            mappings.delete(record.key());
            return;
        }
        mappings.put(record.key(), mapping);
        // The alias lands, through the mapping topic, in the task that owns its key, like any mapping.
        References.aliasOf(record.key(), mapping.getKind(), mapping.getJiraKey())
                .ifPresent(alias -> context.forward(record.withKey(alias), ALIAS_SINK));
        for (KeyValue<String, OpenProjectCommand> waiting : waitingOn(pending, record.key())) {
            pending.delete(waiting.key);
            counters.countReleased(context.taskId());
            resolveAndRoute(record, waiting.value, record.key(), mapping, true);
        }
        for (KeyValue<String, OpenProjectCommand> sent : waitingOn(textPending, record.key())) {
            textPending.delete(sent.key);
            resolveAndRoute(record, sent.value, record.key(), mapping, true);
        }
    }

    private static List<KeyValue<String, OpenProjectCommand>> waitingOn(KeyValueStore<String, OpenProjectCommand> store,
                                                                        String referenceKey) {
        List<KeyValue<String, OpenProjectCommand>> found = new ArrayList<>();
        try (KeyValueIterator<String, OpenProjectCommand> it = store.prefixScan(pendingKey(referenceKey, ""), new StringSerializer())) {
            it.forEachRemaining(found::add);
        }
        return found;
    }
}
