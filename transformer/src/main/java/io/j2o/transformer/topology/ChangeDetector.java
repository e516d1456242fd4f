package io.j2o.transformer.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.Lineage;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.avro.PipelineStage;
import io.j2o.schemas.topics.EntityKeys;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.normalize.CanonicalJson;
import io.j2o.transformer.normalize.Checksums;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.MappingException;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.richtext.RichTextException;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step for every Jira event: drop it when its content is what we already turned into a command (the
 * checksum store), otherwise map it to a command. A payload that cannot be read or mapped goes to the dead-letter
 * topic with its key and the reason, and the stream moves on.
 */
final class ChangeDetector implements Processor<String, JiraEntityEvent, String, Object> {

    static final String DEAD_LETTER_SINK = "dead-letter-sink";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MappingRules rules;
    private final TransformerCounters counters;
    private final CommandRouter router;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, String> checksums;

    ChangeDetector(MappingRules rules, TransformerCounters counters) {
        this.rules = rules;
        this.counters = counters;
        this.router = new CommandRouter(counters);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.checksums = context.getStateStore(StoreNames.CHECKSUMS);
    }

    @Override
    public void process(Record<String, JiraEntityEvent> record) {
        JiraEntityEvent event = record.value();
        if (event == null) {
            return;
        }
        counters.countReceived();
        try {
            Optional<CommandDraft> draft;
            String checksum;
            if (event.getChange() == ChangeType.DELETE) {
                checksum = Checksums.sha256(rules.fingerprint(), "DELETE");
                draft = rules.deletion(event);
            } else {
                JsonNode payload = parse(event);
                checksum = Checksums.sha256(rules.fingerprint(), CanonicalJson.of(payload));
                draft = checksum.equals(checksums.get(record.key())) ? Optional.empty() : rules.map(event, payload);
            }
            if (checksum.equals(checksums.get(record.key())) || draft.isEmpty()) {
                counters.countUnchanged();
                return;
            }
            checksums.put(record.key(), checksum);
            OpenProjectCommand command = command(draft.get(), checksum);
            router.route(context, record, command, command.getBody());
        } catch (MalformedPayloadException e) {
            deadLetter(record, "MALFORMED_PAYLOAD", e.getMessage());
        } catch (MappingException | RichTextException e) {
            deadLetter(record, "MAPPING_FAILED", e.getMessage());
        }
    }

    private OpenProjectCommand command(CommandDraft draft, String checksum) {
        RecordMetadata source = context.recordMetadata().orElseThrow();
        String targetKey = EntityKeys.commandKey(draft.kind(), draft.jiraId());
        return OpenProjectCommand.newBuilder()
                .setCommandId(Checksums.sha256(targetKey, checksum).substring(0, 32))
                .setKind(draft.kind())
                .setAction(draft.action())
                .setJiraId(draft.jiraId())
                .setJiraKey(draft.jiraKey())
                .setChecksum(checksum)
                .setTransformVersion(MappingRules.TRANSFORM_VERSION)
                .setBody(draft.body() == null ? null : draft.body().toString())
                .setLineage(new Lineage(source.topic(), source.partition(), source.offset()))
                .build();
    }

    private static JsonNode parse(JiraEntityEvent event) {
        if (event.getPayload() == null) {
            throw new MalformedPayloadException("UPSERT event without a payload");
        }
        try {
            JsonNode payload = MAPPER.readTree(event.getPayload());
            if (payload == null || !payload.isObject()) {
                throw new MalformedPayloadException("payload is not a JSON object");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("payload is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private void deadLetter(Record<String, JiraEntityEvent> record, String category, String reason) {
        JiraEntityEvent event = record.value();
        RecordMetadata source = context.recordMetadata().orElseThrow();
        LOG.warn("Jira event parked in the dead-letter topic key={} jiraKey={} category={} reason={}",
                record.key(), event.getJiraKey(), category, reason);
        counters.countDeadLettered();
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        DeadLetter deadLetter = DeadLetter.newBuilder()
                .setKey(record.key())
                .setStage(PipelineStage.TRANSFORM)
                .setCategory(category)
                .setMessage((event.getJiraKey() == null ? "" : event.getJiraKey() + ": ") + reason)
                .setAttempts(1)
                .setFirstFailedAt(now)
                .setLastFailedAt(now)
                .setPayload(event.getPayload())
                .setSourceTopic(source.topic())
                .setSourcePartition(source.partition())
                .setSourceOffset(source.offset())
                .build();
        context.forward(new Record<>(record.key(), deadLetter, record.timestamp()), DEAD_LETTER_SINK);
    }

    /** The event's payload is not a readable Jira JSON object. */
    private static final class MalformedPayloadException extends RuntimeException {
        MalformedPayloadException(String message) {
            super(message);
        }
    }
}
