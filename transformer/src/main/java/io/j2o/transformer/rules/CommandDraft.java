package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;

/**
 * What a mapping rule makes of one Jira entity: the OpenProject command still without its checksum and lineage,
 * references to other entities left as placeholders (see {@code References}).
 *
 * @param body null for a DELETE
 */
public record CommandDraft(CommandKind kind, CommandAction action, String jiraId, String jiraKey, ObjectNode body) {
}
