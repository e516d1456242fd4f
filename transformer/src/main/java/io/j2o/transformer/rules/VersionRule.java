package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.resolve.References;

/**
 * Turns a Jira version (release) into an OpenProject version of the same project, unshared, always open:
 * OpenProject puts work packages only into open versions (422 otherwise), and a released Jira version still has
 * its issues to receive, during the first load and every later sync. Whether Jira released or archived it stays
 * visible as the first line of the description.
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
        body.putObject("description").put("raw", describe(version));
        body.put("startDate", JiraDates.date(version.path("startDate")))
                .put("endDate", JiraDates.date(version.path("releaseDate")))
                .put("status", "open")
                .put("sharing", "none");
        body.putObject("_links").putObject("definingProject")
                .put("href", References.placeholder(CommandKind.PROJECT, projectId));
        return new CommandDraft(CommandKind.VERSION, CommandAction.UPSERT, versionId, name, body);
    }

    private static String describe(JsonNode version) {
        String description = version.path("description").asText("");
        String state = version.path("released").asBoolean(false) ? "Released in Jira"
                : version.path("archived").asBoolean(false) ? "Archived in Jira" : "";
        return state.isEmpty() ? description : description.isBlank() ? "_" + state + "_" : "_" + state + "_\n\n" + description;
    }
}
