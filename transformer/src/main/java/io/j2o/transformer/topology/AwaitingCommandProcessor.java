package io.j2o.transformer.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.resolve.SoftReferences;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Receives a command keyed by a reference it needs. This task owns that reference's mapping, so its verdict is final:
 * the mapping is here (fill it in and route on) or it is not (park the command until the mapping arrives; when only
 * its text names the reference, also send it on with the fallback text).
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
        if (mapping != null) {
            resolveAndRoute(record, command, record.key(), mapping, false);
            return;
        }
        JsonNode body = CommandBodies.parse(command.getBody());
        if (References.needs(body, record.key())) {
            if (park(pending, record.key(), command)) {
                counters.countParked(context.taskId());
            }
            return;
        }
        // Only text names it: the command goes on with fallback text and is sent again when the mapping arrives.
        park(textPending, record.key(), command);
        SoftReferences.markMissing(body, record.key());
        route(record, OpenProjectCommand.newBuilder(command).setBody(body.toString()).build(), body);
    }
}
