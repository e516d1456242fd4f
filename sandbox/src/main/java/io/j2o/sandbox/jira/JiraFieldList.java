package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /rest/api/{2|3}/field}: the system fields the simulated issues carry, then the generated site's custom
 * fields ({@link DatasetCustomFields.Ids#jiraFields()}) that at least one issue holds, each with Jira's
 * {@code schema.type}/{@code items}/{@code system|custom}; of every id base the issues' fields name, lowest first,
 * since a site can mix generated issues with others.
 */
final class JiraFieldList {

    /** id, name, schema type, items (or null). */
    private static final String[][] SYSTEM = {
            {"summary", "Summary", "string", null}, {"description", "Description", "string", null},
            {"issuetype", "Issue Type", "issuetype", null}, {"status", "Status", "status", null},
            {"priority", "Priority", "priority", null}, {"resolution", "Resolution", "resolution", null},
            {"assignee", "Assignee", "user", null}, {"reporter", "Reporter", "user", null},
            {"project", "Project", "project", null}, {"labels", "Labels", "array", "string"},
            {"components", "Components", "array", "component"}, {"fixVersions", "Fix Version/s", "array", "version"},
            {"duedate", "Due date", "date", null}, {"created", "Created", "datetime", null},
            {"updated", "Updated", "datetime", null}, {"timeoriginalestimate", "Original Estimate", "number", null},
            {"timeestimate", "Remaining Estimate", "number", null}, {"comment", "Comment", "comments-page", null},
            {"worklog", "Log Work", "array", "worklog"}, {"attachment", "Attachment", "array", "attachment"},
            {"issuelinks", "Linked Issues", "array", "issuelinks"}};

    private JiraFieldList() {
    }

    static List<ObjectNode> of(List<ObjectNode> issues) {
        List<ObjectNode> fields = new ArrayList<>();
        for (String[] system : SYSTEM) {
            ObjectNode field = JsonResponses.MAPPER.createObjectNode().put("id", system[0]).put("key", system[0])
                    .put("name", system[1]).put("custom", false).put("orderable", true).put("navigable", true)
                    .put("searchable", true);
            field.putArray("clauseNames").add(system[0]);
            ObjectNode schema = field.putObject("schema").put("type", system[2]);
            if (system[3] != null) {
                schema.put("items", system[3]);
            }
            schema.put("system", system[0]);
            fields.add(field);
        }
        Set<String> held = new HashSet<>();
        issues.forEach(issue -> issue.path("fields").fieldNames().forEachRemaining(held::add));
        held.stream().map(DatasetCustomFields::idsOf).flatMap(Optional::stream).distinct()
                .sorted(Comparator.comparingLong(ids -> ids.generated().base()))
                .flatMap(ids -> ids.jiraFields().stream())
                .filter(field -> held.contains(field.path("id").asText()))
                .forEach(fields::add);
        return fields;
    }
}
