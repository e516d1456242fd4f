package io.j2o.transformer.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.resolve.SoftReferences;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
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
    protected KeyValueStore<String, OpenProjectCommand> textPending;

    ReferenceTaskProcessor(TransformerCounters counters) {
        this.counters = counters;
        this.router = new CommandRouter(counters);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.mappings = context.getStateStore(StoreNames.MAPPINGS);
        this.pending = context.getStateStore(StoreNames.PENDING);
        this.textPending = context.getStateStore(StoreNames.TEXT_PENDING);
        // Both processors of the task start before either processes a record, so both count the same, restored store.
        counters.countWaitingHeld(context.taskId(), count(pending));
    }

    @Override
    public void close() {
        counters.forgetWaiting(context.taskId());
    }

    private static long count(KeyValueStore<String, OpenProjectCommand> store) {
        long held = 0;
        try (KeyValueIterator<String, OpenProjectCommand> it = store.all()) {
            for (; it.hasNext(); it.next()) {
                held++;
            }
        }
        return held;
    }

    static String pendingKey(String referenceKey, String targetKey) {
        return referenceKey + "|" + targetKey;
    }

    /**
     * Replaces the placeholders of {@code referenceKey} by the mapping's href, its soft references by the mapping's
     * id, and routes the command on.
     *
     * @param lookAgain whether soft references found missing on the way here are looked up again (a command
     *                  released by a mapping's arrival: others may have arrived meanwhile too)
     */
    protected void resolveAndRoute(Record<?, ?> origin, OpenProjectCommand command, String referenceKey, Mapping mapping,
                                   boolean lookAgain) {
        JsonNode body = CommandBodies.parse(command.getBody());
        References.resolve(body, referenceKey, mapping.getHref());
        if (lookAgain) {
            SoftReferences.uncheck(body);
        }
        boolean textChanged = SoftReferences.resolve(body, referenceKey, mapping.getOpenProjectId());
        String resolved = body.toString();
        OpenProjectCommand next = textChanged
                ? Commands.withChangedText(command, resolved, referenceKey + "=" + mapping.getOpenProjectId())
                : OpenProjectCommand.newBuilder(command).setBody(resolved).build();
        router.route(context, origin, next, body);
    }

    /** Sends the command on as it is: it waits for no mapping, or its missing ones are soft. */
    protected void route(Record<?, ?> origin, OpenProjectCommand command, JsonNode body) {
        router.route(context, origin, command, body);
    }

    /**
     * Parks the command in {@code store} until {@code referenceKey}'s mapping arrives, in place of an older one for
     * the same target; a command from an older Jira event than the one waiting is not parked (released, it would be
     * stale).
     *
     * @return whether the store holds one more command: false when one for the same target was already waiting
     */
    protected static boolean park(KeyValueStore<String, OpenProjectCommand> store, String referenceKey,
                                  OpenProjectCommand command) {
        String key = pendingKey(referenceKey, CommandRouter.targetKey(command));
        OpenProjectCommand waiting = store.get(key);
        if (waiting == null || !waiting.getLineage().getTopic().equals(command.getLineage().getTopic())
                || waiting.getLineage().getOffset() <= command.getLineage().getOffset()) {
            store.put(key, command);
        }
        return waiting == null;
    }
}
