package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The Jira entities a validation compares, as Jira's REST API returns them.
 *
 * @param groups each group with its complete member list under {@code users}, as the extractor publishes it
 */
public record JiraState(List<? extends JsonNode> projects, List<? extends JsonNode> issues,
                        List<? extends JsonNode> users, List<? extends JsonNode> versions,
                        List<? extends JsonNode> groups) {

    public JiraState {
        projects = List.copyOf(projects);
        issues = List.copyOf(issues);
        users = List.copyOf(users);
        versions = List.copyOf(versions);
        groups = List.copyOf(groups);
    }

    /** A site without groups (or whose groups are not compared). */
    public JiraState(List<? extends JsonNode> projects, List<? extends JsonNode> issues,
                     List<? extends JsonNode> users, List<? extends JsonNode> versions) {
        this(projects, issues, users, versions, List.of());
    }
}
