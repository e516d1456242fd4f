package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import io.j2o.transformer.rules.MappingException;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.richtext.RichTextException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the mapping rules say each Jira entity should have become in OpenProject; an entity the rules cannot map
 * yields nothing (its absence in OpenProject then shows as missing or parked).
 */
final class RuleOracle {

    private final MappingRules rules;
    private final JiraFlavour flavour;

    /** @param flavour the site's: the rules read some fields by flavour (a Data Center Epic Link, wiki text) */
    RuleOracle(MappingRules rules, JiraFlavour flavour) {
        this.rules = rules;
        this.flavour = flavour;
    }

    Optional<CommandDraft> map(JiraEntityType type, JsonNode payload) {
        return map(type, payload.path("id").asText(), payload);
    }

    /** For entities whose Jira id is not their {@code id} field: users are named by accountId or key. */
    Optional<CommandDraft> map(JiraEntityType type, String jiraId, JsonNode payload) {
        try {
            return rules.map(event(type, jiraId, payload), payload);
        } catch (MappingException | RichTextException e) {
            return Optional.empty();
        }
    }

    /** The versions an issue's sprints become (none when sprints are not migrated or the issue cannot be mapped). */
    List<CommandDraft> sprintVersions(JsonNode issue) {
        try {
            return rules.sprintVersions(event(JiraEntityType.ISSUE, issue.path("id").asText(), issue), issue);
        } catch (MappingException | RichTextException e) {
            return List.of();
        }
    }

    List<CommandDraft> memberships(JsonNode issue) {
        try {
            return rules.memberships(event(JiraEntityType.ISSUE, issue.path("id").asText(), issue), issue);
        } catch (MappingException | RichTextException e) {
            return List.of();
        }
    }

    /** The memberships a project role's actors get; {@code jiraId} is {@code <projectId>_<roleId>}. */
    List<CommandDraft> roleMemberships(String jiraId, String projectKey, JsonNode role) {
        try {
            JiraEntityEvent event = event(JiraEntityType.PROJECT_ROLE, jiraId, role);
            event.setProjectKey(projectKey);
            return rules.memberships(event, role);
        } catch (MappingException | RichTextException e) {
            return List.of();
        }
    }

    /**
     * The issue's children of {@code kind}; empty when the payload lacks them.
     *
     * @throws RuntimeException ({@link MappingException}, {@link RichTextException}) when the rules cannot map them
     */
    Optional<IssueChildren> children(JsonNode issue, CommandKind kind) {
        return rules.children(event(JiraEntityType.ISSUE, issue.path("id").asText(), issue), issue).stream()
                .filter(children -> children.kind() == kind)
                .findFirst();
    }

    private JiraEntityEvent event(JiraEntityType type, String jiraId, JsonNode payload) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(type)
                .setJiraId(jiraId)
                .setJiraKey(payload.path("key").asText(jiraId))
                .setChange(ChangeType.UPSERT)
                .setExtractedAt(Instant.EPOCH)
                .setSource(new JiraSource("validator", flavour, flavour == JiraFlavour.CLOUD ? "3" : "2"))
                .setPayload(null)
                .build();
    }
}
