package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The Jira entities a validation compares, as Jira's REST API returns them. */
public record JiraState(List<? extends JsonNode> projects, List<? extends JsonNode> issues,
                        List<? extends JsonNode> users, List<? extends JsonNode> versions) {

    public JiraState {
        projects = List.copyOf(projects);
        issues = List.copyOf(issues);
        users = List.copyOf(users);
        versions = List.copyOf(versions);
    }
}
