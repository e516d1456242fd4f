package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The Jira entities a validation compares, as Jira's REST API returns them.
 *
 * @param groups       each group with its complete member list under {@code users}, as the extractor publishes it
 * @param projectRoles each project's roles with their actors, as {@code /project/{key}/role/{id}} returns them (its
 *                     {@code self} names the project)
 */
public record JiraState(List<? extends JsonNode> projects, List<? extends JsonNode> issues,
                        List<? extends JsonNode> users, List<? extends JsonNode> versions,
                        List<? extends JsonNode> groups, List<? extends JsonNode> projectRoles) {

    public JiraState {
        projects = List.copyOf(projects);
        issues = List.copyOf(issues);
        users = List.copyOf(users);
        versions = List.copyOf(versions);
        groups = List.copyOf(groups);
        projectRoles = List.copyOf(projectRoles);
    }

    /** A site whose project roles are not compared. */
    public JiraState(List<? extends JsonNode> projects, List<? extends JsonNode> issues,
                     List<? extends JsonNode> users, List<? extends JsonNode> versions,
                     List<? extends JsonNode> groups) {
        this(projects, issues, users, versions, groups, List.of());
    }

    /** A site without groups (or whose groups are not compared). */
    public JiraState(List<? extends JsonNode> projects, List<? extends JsonNode> issues,
                     List<? extends JsonNode> users, List<? extends JsonNode> versions) {
        this(projects, issues, users, versions, List.of(), List.of());
    }
}
