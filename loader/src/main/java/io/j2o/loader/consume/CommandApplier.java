package io.j2o.loader.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.jira.JiraContentException;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.loader.upsert.EditedInOpenProjectException;
import io.j2o.loader.upsert.MalformedCommandException;
import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.loader.upsert.Upserter;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JournalEntry;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.avro.PipelineStage;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one command to OpenProject idempotently: the command's checksum against the cached mapping first, then the
 * upserter's own lookup in OpenProject, and only then a create. Permanent failures become dead letters; transient
 * ones and lost credentials propagate, so nothing after them is committed.
 */
final class CommandApplier {

    private static final Logger LOG = LoggerFactory.getLogger(CommandApplier.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Transformer-only metadata (e.g. the references a command awaited); OpenProject must never see it. */
    static final String TRANSFORMER_METADATA = "_j2o";
    /** The part of it a work package's upserter uses (original author and time) and takes out before writing. */
    private static final String ORIGINAL = "original";

    private final Map<CommandKind, Upserter> upserters;
    private final MappingCache cache;
    private final LoaderListener listener;
    private final Clock clock;

    CommandApplier(Map<CommandKind, Upserter> upserters, MappingCache cache, LoaderListener listener, Clock clock) {
        this.upserters = Map.copyOf(upserters);
        this.cache = cache;
        this.listener = listener;
        this.clock = clock;
    }

    CommandResult apply(ConsumerRecord<String, OpenProjectCommand> record) {
        String key = record.key();
        OpenProjectCommand command = record.value();
        Optional<Mapping> known = cache.get(key);
        if (command.getAction() == CommandAction.UPSERT
                && known.filter(m -> m.getAppliedChecksum().equals(command.getChecksum())).isPresent()) {
            return CommandResult.alreadyApplied(key);
        }
        if (known.filter(m -> isOlderThan(command, m)).isPresent()) {
            LOG.info("command from an older Jira event than the one applied, skipped key={} commandId={} sourceOffset={}",
                    key, command.getCommandId(), command.getLineage().getOffset());
            return CommandResult.alreadyApplied(key);
        }
        Upserter upserter = upserters.get(command.getKind());
        if (upserter == null) {
            return park(record, "UNSUPPORTED_KIND", null, "no upserter for kind " + command.getKind());
        }
        try {
            return command.getAction() == CommandAction.DELETE
                    ? delete(key, command, upserter, known)
                    : upsert(key, command, upserter, known);
        } catch (OpenProjectException.ValidationFailed e) {
            return park(record, "VALIDATION", e.status(), e.getMessage());
        } catch (OpenProjectException.NotFound e) {
            return park(record, "NOT_FOUND", e.status(), e.getMessage());
        } catch (OpenProjectException.Unauthorized e) {
            if (e.status() == 401) {
                throw e;
            }
            return park(record, "PERMISSION", e.status(), e.getMessage());
        } catch (OpenProjectException.Conflict e) {
            return park(record, "CONFLICT", e.status(), e.getMessage());
        } catch (EditedInOpenProjectException e) {
            return park(record, "CONFLICT", null, e.getMessage());
        } catch (MalformedCommandException e) {
            return park(record, "MALFORMED_COMMAND", null, e.getMessage());
        } catch (JiraContentException.Missing e) {
            return park(record, "NOT_FOUND", e.status(), e.getMessage());
        }
    }

    /**
     * A command made from an older Jira event than the one whose command was applied last. It happens when a command
     * waited for a reference (say, a parent that arrived late) while a newer version of the entity went through:
     * released later, it must not roll the entity back. Events of one entity share a partition, so offsets order them.
     */
    private static boolean isOlderThan(OpenProjectCommand command, Mapping applied) {
        return applied.getSourceOffset() != null
                && command.getLineage().getTopic().equals(applied.getSourceTopic())
                && command.getLineage().getOffset() < applied.getSourceOffset();
    }

    private CommandResult upsert(String key, OpenProjectCommand command, Upserter upserter, Optional<Mapping> known) {
        UpsertOutcome outcome = upserter.upsert(body(command), known);
        listener.commandApplied(key, command, outcome);
        Mapping mapping = Mapping.newBuilder()
                .setKind(command.getKind().name())
                .setJiraId(command.getJiraId())
                .setJiraKey(command.getJiraKey())
                .setOpenProjectId(outcome.id())
                .setHref(outcome.href())
                .setLockVersion(outcome.lockVersion())
                .setAppliedChecksum(command.getChecksum())
                .setCommandId(command.getCommandId())
                .setUpdatedAt(clock.instant())
                .setSourceTopic(command.getLineage().getTopic())
                .setSourceOffset(command.getLineage().getOffset())
                .setFieldChecksums(outcome.fieldChecksums())
                .build();
        cache.put(key, mapping);
        return CommandResult.applied(key, mapping, journal(key, command, outcome));
    }

    private CommandResult delete(String key, OpenProjectCommand command, Upserter upserter, Optional<Mapping> known) {
        Optional<UpsertOutcome> outcome = upserter.delete(command.getJiraKey(),
                command.getBody() == null ? null : body(command), known);
        outcome.ifPresent(o -> listener.commandApplied(key, command, o));
        cache.remove(key);
        return CommandResult.applied(key, null, outcome.map(o -> journal(key, command, o)).orElse(null));
    }

    private JournalEntry journal(String key, OpenProjectCommand command, UpsertOutcome outcome) {
        if (!outcome.wrote()) {
            return null;
        }
        return JournalEntry.newBuilder()
                .setCommandId(command.getCommandId())
                .setKey(key)
                .setKind(command.getKind().name())
                .setAction(outcome.action())
                .setOpenProjectId(outcome.id())
                .setHref(outcome.href())
                .setBefore(outcome.before() == null ? null : outcome.before().toString())
                .setAfter(outcome.after() == null ? null : outcome.after().toString())
                .setAt(clock.instant())
                .setKeptFields(outcome.keptFields().isEmpty() ? null : outcome.keptFields())
                .build();
    }

    private CommandResult park(ConsumerRecord<String, OpenProjectCommand> record, String category, Integer status, String message) {
        OpenProjectCommand command = record.value();
        LOG.warn("command parked in the dead-letter topic key={} commandId={} category={} reason={}",
                record.key(), command.getCommandId(), category, message);
        Instant now = clock.instant();
        DeadLetter deadLetter = DeadLetter.newBuilder()
                .setKey(record.key())
                .setStage(PipelineStage.LOAD)
                .setCategory(category)
                .setHttpStatus(status)
                .setMessage(message)
                .setAttempts(1)
                .setFirstFailedAt(now)
                .setLastFailedAt(now)
                .setCommandId(command.getCommandId())
                .setPayload(command.toString())
                .setSourceTopic(record.topic())
                .setSourcePartition(record.partition())
                .setSourceOffset(record.offset())
                .build();
        listener.deadLettered(deadLetter);
        return CommandResult.parked(record.key(), deadLetter);
    }

    private static ObjectNode body(OpenProjectCommand command) {
        try {
            JsonNode body = command.getBody() == null ? null : MAPPER.readTree(command.getBody());
            if (body instanceof ObjectNode object) {
                JsonNode original = object.path(TRANSFORMER_METADATA).path(ORIGINAL);
                object.remove(TRANSFORMER_METADATA);
                if (command.getKind() == CommandKind.WORK_PACKAGE && original.isObject()) {
                    object.putObject(TRANSFORMER_METADATA).set(ORIGINAL, original);
                }
                return object;
            }
            throw new MalformedCommandException("command body is not a JSON object");
        } catch (IOException e) {
            throw new MalformedCommandException("command body is not valid JSON: " + e.getMessage());
        }
    }
}
