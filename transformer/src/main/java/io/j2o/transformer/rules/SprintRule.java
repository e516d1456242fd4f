package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.resolve.References;
import java.util.List;
import java.util.Optional;

/**
 * Turns the sprints an issue names into versions of the issue's project (OpenProject's backlogs plan by version),
 * each with the Jira id {@code sprint-<id>}. Every issue of a sprint emits the same command; the checksum store
 * sends it once. Like Jira versions they stay open, so work packages can still be put into them.
 */
final class SprintRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final boolean enabled;

    SprintRule(MappingConfig.Sprints sprints) {
        this.enabled = sprints == MappingConfig.Sprints.VERSION;
    }

    List<CommandDraft> versions(JsonNode issue, String projectId) {
        return enabled ? JiraSprint.of(issue).stream().map(sprint -> version(sprint, projectId)).toList() : List.of();
    }

    /** The version id of the issue's latest sprint, for a work package that has no fix version. */
    Optional<String> latestVersionId(JsonNode issue) {
        return enabled ? JiraSprint.latest(JiraSprint.of(issue)).map(SprintRule::versionId) : Optional.empty();
    }

    private static String versionId(JiraSprint sprint) {
        return "sprint-" + sprint.id();
    }

    private static CommandDraft version(JiraSprint sprint, String projectId) {
        ObjectNode body = MAPPER.createObjectNode().put("name", sprint.name());
        body.putObject("description").put("raw",
                sprint.goal().isEmpty() ? "_Sprint in Jira_" : "_Sprint in Jira_\n\n" + sprint.goal());
        body.put("startDate", sprint.startDate())
                .put("endDate", sprint.endDate())
                .put("status", "open")
                .put("sharing", "none");
        body.putObject("_links").putObject("definingProject")
                .put("href", References.placeholder(CommandKind.PROJECT, projectId));
        return new CommandDraft(CommandKind.VERSION, CommandAction.UPSERT, versionId(sprint), sprint.name(), body);
    }
}
