package io.j2o.transformer.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.resolve.References;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Receives a command keyed by a reference it needs. This task owns that reference's mapping, so its verdict is final:
 * the mapping is here (fill it in and route on) or it is not (park the command until the mapping arrives).
 */
final class AwaitingCommandProcessor implements Processor<String, OpenProjectCommand, String, Object> {

    private final TransformerCounters counters;
    private final CommandRouter router;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, Mapping> mappings;
    private KeyValueStore<String, OpenProjectCommand> pending;

    AwaitingCommandProcessor(TransformerCounters counters) {
        this.counters = counters;
        this.router = new CommandRouter(counters);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.mappings = context.getStateStore(StoreNames.MAPPINGS);
        this.pending = context.getStateStore(StoreNames.PENDING);
    }

    @Override
    public void process(Record<String, OpenProjectCommand> record) {
        OpenProjectCommand command = record.value();
        if (command == null) {
            return;
        }
        Mapping mapping = mappings.get(record.key());
        if (mapping == null) {
            pending.put(pendingKey(record.key(), CommandRouter.targetKey(command)), command);
            counters.countWaiting();
            return;
        }
        resolveAndRoute(context, router, record, command, record.key(), mapping);
    }

    static String pendingKey(String referenceKey, String targetKey) {
        return referenceKey + "|" + targetKey;
    }

    static void resolveAndRoute(ProcessorContext<String, Object> context, CommandRouter router, Record<?, ?> origin,
                                OpenProjectCommand command, String referenceKey, Mapping mapping) {
        JsonNode body = CommandBodies.parse(command.getBody());
        References.resolve(body, referenceKey, mapping.getHref());
        String resolved = body.toString();
        OpenProjectCommand filled = OpenProjectCommand.newBuilder(command).setBody(resolved).build();
        router.route(context, origin, filled, resolved);
    }
}
