package io.j2o.transformer.topology;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.topics.EntityKeys;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.resolve.SoftReferences;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Sends a command on: to the loader when every reference in it is resolved and every soft reference looked up,
 * otherwise to the reference topic keyed by the first such reference, where the task owning its mapping decides.
 */
final class CommandRouter {

    static final String COMMANDS_SINK = "commands-sink";
    static final String REFERENCES_SINK = "references-sink";

    private final TransformerCounters counters;

    CommandRouter(TransformerCounters counters) {
        this.counters = counters;
    }

    /**
     * Soft references (see {@link SoftReferences}) are looked up after every placeholder is resolved, one task after
     * the other; none holds the command back.
     *
     * @param body the JSON tree the command's body text was written from (null for a DELETE), so it is not parsed again
     */
    void route(ProcessorContext<String, Object> context, Record<?, ?> origin, OpenProjectCommand command, JsonNode body) {
        Optional<String> missing = References.firstUnresolved(body).or(() -> SoftReferences.firstUnchecked(body));
        if (missing.isPresent()) {
            counters.countSentToReferences();
            context.forward(new Record<>(missing.get(), command, origin.timestamp()), REFERENCES_SINK);
        } else {
            counters.countEmitted();
            context.forward(new Record<>(targetKey(command), command, origin.timestamp()), COMMANDS_SINK);
        }
    }

    static String targetKey(OpenProjectCommand command) {
        return targetKey(command.getKind(), command.getJiraId());
    }

    static String targetKey(CommandKind kind, String jiraId) {
        return EntityKeys.commandKey(kind, jiraId);
    }
}
