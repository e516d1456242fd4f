package io.j2o.transformer.topology;

import io.j2o.schemas.avro.Lineage;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.transformer.normalize.Checksums;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.MappingRules;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Completes a rule's draft into the command the loader applies: checksum, a deterministic id, and lineage. */
final class Commands {

    private Commands() {
    }

    static OpenProjectCommand from(CommandDraft draft, String checksum, RecordMetadata source) {
        return OpenProjectCommand.newBuilder()
                .setCommandId(commandId(CommandRouter.targetKey(draft.kind(), draft.jiraId()), checksum))
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

    /**
     * The command with a text changed after the fact (a soft reference resolved): a new checksum, so the loader does
     * not take it for the one applied, and the same lineage, so it does not overwrite a newer Jira event's command.
     */
    static OpenProjectCommand withChangedText(OpenProjectCommand command, String body, String change) {
        String checksum = Checksums.sha256(command.getChecksum(), change);
        return OpenProjectCommand.newBuilder(command)
                .setChecksum(checksum)
                .setCommandId(commandId(CommandRouter.targetKey(command), checksum))
                .setBody(body)
                .build();
    }

    private static String commandId(String targetKey, String checksum) {
        return Checksums.sha256(targetKey, checksum).substring(0, 32);
    }
}
