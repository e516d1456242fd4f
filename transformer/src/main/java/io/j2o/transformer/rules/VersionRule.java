package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.resolve.References;

/**
 * Turns a Jira version (release) into an OpenProject version of the same project, unshared. A released version is
 * closed; an archived one is locked (still shown, no new work packages); every other is open.
 */
final class VersionRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    CommandDraft version(String versionId, JsonNode version) {
        String name = version.path("name").asText("");
        if (name.isBlank()) {
            throw new MappingException("version " + versionId + " has no name");
        }
        String projectId = version.path("projectId").asText("");
        if (projectId.isBlank()) {
            throw new MappingException("version " + versionId + " (" + name + ") has no projectId");
        }
        ObjectNode body = MAPPER.createObjectNode().put("name", name);
        body.putObject("description").put("raw", version.path("description").asText(""));
        body.put("startDate", JiraDates.date(version.path("startDate")))
                .put("endDate", JiraDates.date(version.path("releaseDate")))
                .put("status", status(version))
                .put("sharing", "none");
        body.putObject("_links").putObject("definingProject")
                .put("href", References.placeholder(CommandKind.PROJECT, projectId));
        return new CommandDraft(CommandKind.VERSION, CommandAction.UPSERT, versionId, name, body);
    }

    private static String status(JsonNode version) {
        if (version.path("released").asBoolean(false)) {
            return "closed";
        }
        return version.path("archived").asBoolean(false) ? "locked" : "open";
    }
}
