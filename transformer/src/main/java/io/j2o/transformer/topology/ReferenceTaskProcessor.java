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
 * What the two processors of a reference-owning task share: this task's mappings and the commands waiting on them,
 * and the step that fills a mapping into a command and sends it on.
 */
abstract class ReferenceTaskProcessor<V> implements Processor<String, V, String, Object> {

    protected final TransformerCounters counters;
    private final CommandRouter router;
    protected ProcessorContext<String, Object> context;
    protected KeyValueStore<String, Mapping> mappings;
    protected KeyValueStore<String, OpenProjectCommand> pending;

    ReferenceTaskProcessor(TransformerCounters counters) {
        this.counters = counters;
        this.router = new CommandRouter(counters);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.mappings = context.getStateStore(StoreNames.MAPPINGS);
        this.pending = context.getStateStore(StoreNames.PENDING);
    }

    static String pendingKey(String referenceKey, String targetKey) {
        return referenceKey + "|" + targetKey;
    }

    /** Replaces the placeholders of {@code referenceKey} by the mapping's href and routes the command on. */
    protected void resolveAndRoute(Record<?, ?> origin, OpenProjectCommand command, String referenceKey, Mapping mapping) {
        JsonNode body = CommandBodies.parse(command.getBody());
        References.resolve(body, referenceKey, mapping.getHref());
        String resolved = body.toString();
        router.route(context, origin, OpenProjectCommand.newBuilder(command).setBody(resolved).build(), body);
    }
}
