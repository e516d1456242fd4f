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
        String targetKey = CommandRouter.targetKey(draft.kind(), draft.jiraId());
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
}
