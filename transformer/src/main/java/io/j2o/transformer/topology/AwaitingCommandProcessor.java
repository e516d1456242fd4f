package io.j2o.transformer.topology;

import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.transformer.TransformerCounters;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Receives a command keyed by a reference it needs. This task owns that reference's mapping, so its verdict is final:
 * the mapping is here (fill it in and route on) or it is not (park the command until the mapping arrives).
 */
final class AwaitingCommandProcessor extends ReferenceTaskProcessor<OpenProjectCommand> {

    AwaitingCommandProcessor(TransformerCounters counters) {
        super(counters);
    }

    @Override
    public void process(Record<String, OpenProjectCommand> record) {
        OpenProjectCommand command = record.value();
        if (command == null) {
            return;
        }
        counters.countArrivedFromReferences();
        Mapping mapping = mappings.get(record.key());
        if (mapping == null) {
            pending.put(pendingKey(record.key(), CommandRouter.targetKey(command)), command);
            counters.countWaiting();
            return;
        }
        resolveAndRoute(record, command, record.key(), mapping);
    }
}
