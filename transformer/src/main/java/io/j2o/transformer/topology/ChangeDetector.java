package io.j2o.transformer.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.topics.ReplayEpochs;
import io.j2o.schemas.avro.PipelineStage;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.resolve.SoftReferences;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import io.j2o.transformer.rules.MappingException;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.richtext.RichTextException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step for every Jira event: map it to the commands it stands for (an issue: its work package, the
 * memberships its people need, and one command per comment, worklog and outward link) and send on only those
 * whose content differs from what was last emitted for their command key (the checksum store). A payload that cannot be read or mapped goes to the dead-letter topic with its key and
 * the reason, and the stream moves on.
 */
final class ChangeDetector implements Processor<String, JiraEntityEvent, String, Object> {

    static final String DEAD_LETTER_SINK = "dead-letter-sink";
    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetector.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MappingRules rules;
    private final TransformerCounters counters;
    private final ReplayEpochs epochs;
    private final CommandRouter router;
    private ProcessorContext<String, Object> context;
    private EmittedChecksums checksums;
    private ChildLists childLists;

    ChangeDetector(MappingRules rules, TransformerCounters counters, ReplayEpochs epochs) {
        this.rules = rules;
        this.counters = counters;
        this.epochs = epochs;
        this.router = new CommandRouter(counters);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.checksums = new EmittedChecksums(context.getStateStore(StoreNames.CHECKSUMS));
        this.childLists = new ChildLists(context.getStateStore(StoreNames.CHILD_LISTS));
    }

    @Override
    public void process(Record<String, JiraEntityEvent> record) {
        JiraEntityEvent event = record.value();
        if (event == null) {
            return;
        }
        counters.countReceived();
        try {
            List<CommandDraft> drafts = event.getChange() == ChangeType.DELETE
                    ? deletions(record.key(), event)
                    : drafts(record.key(), event, parse(event));
            boolean emitted = false;
            int epoch = epochs.epochOf(event.getEntityType(), event.getProjectKey());
            for (CommandDraft draft : drafts) {
                Optional<String> checksum = checksums.changed(draft, epoch);
                if (checksum.isPresent()) {
                    OpenProjectCommand command = Commands.from(draft, checksum.get(), context.recordMetadata().orElseThrow());
                    router.route(context, record, command, draft.body());
                    countUnresolvable(command, draft);
                    emitted = true;
                }
            }
            if (!emitted) {
                counters.countUnchanged();
            }
        } catch (MalformedPayloadException e) {
            deadLetter(record, "MALFORMED_PAYLOAD", e.getMessage());
        } catch (MappingException | RichTextException e) {
            deadLetter(record, "MAPPING_FAILED", e.getMessage());
        }
    }

    /**
     * Everything the payload maps to (an issue: the memberships its people need and the versions its sprints become
     * first, then its work package),
     * then its children, and a removal for each child a complete list no longer holds.
     */
    private List<CommandDraft> drafts(String recordKey, JiraEntityEvent event, JsonNode payload) {
        List<CommandDraft> drafts = new ArrayList<>(rules.memberships(event, payload));
        drafts.addAll(rules.sprintVersions(event, payload));
        rules.map(event, payload).ifPresent(drafts::add);
        for (IssueChildren children : rules.children(event, payload)) {
            drafts.addAll(children.upserts());
            drafts.addAll(childLists.removedSince(recordKey, children));
        }
        return drafts;
    }

    /**
     * OpenProject deletes a work package's comments, time entries and relations with it, so only what we remember
     * of them is dropped.
     */
    private List<CommandDraft> deletions(String recordKey, JiraEntityEvent event) {
        childLists.forget(recordKey).forEach(checksums::forget);
        return rules.deletion(event).stream().toList();
    }

    /** A text naming what nothing migrated resolves is a degraded conversion: counted and logged, never held back. */
    private void countUnresolvable(OpenProjectCommand command, CommandDraft draft) {
        List<String> unresolvable = SoftReferences.unresolvable(draft.body());
        if (!unresolvable.isEmpty()) {
            counters.countUnresolvableReferences(unresolvable.size());
            LOG.info("text keeps references nothing migrated resolves as their fallback jiraKey={} commandKey={} references={}",
                    command.getJiraKey(), CommandRouter.targetKey(command), unresolvable);
        }
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
