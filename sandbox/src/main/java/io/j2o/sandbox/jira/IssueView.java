package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** Renders a stored issue as a response item: projected fields plus whatever {@code expand} asked for. */
final class IssueView {

    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("summary", "Summary"), Map.entry("description", "Description"),
            Map.entry("issuetype", "Issue Type"), Map.entry("status", "Status"), Map.entry("priority", "Priority"),
            Map.entry("project", "Project"), Map.entry("reporter", "Reporter"), Map.entry("creator", "Creator"),
            Map.entry("assignee", "Assignee"), Map.entry("labels", "Labels"), Map.entry("created", "Created"),
            Map.entry("updated", "Updated"), Map.entry("resolution", "Resolution"),
            Map.entry("resolutiondate", "Resolved"), Map.entry("environment", "Environment"),
            Map.entry("duedate", "Due date"), Map.entry("components", "Components"),
            Map.entry("fixVersions", "Fix versions"), Map.entry("subtasks", "Sub-tasks"),
            Map.entry("issuelinks", "Linked Issues"), Map.entry("attachment", "Attachment"),
            Map.entry("parent", "Parent"), Map.entry("comment", "Comment"), Map.entry("worklog", "Log Work"),
            Map.entry("watches", "Watchers"));

    private IssueView() {
    }

    /**
     * Asking only for {@code id} gives the bare id on Cloud's enhanced search; Data Center always sends the issue's
     * {@code id}, {@code self} and {@code key}.
     */
    static ObjectNode render(ObjectNode stored, FieldProjection projection, Set<String> expand, JiraSimulator.Flavour flavour) {
        ObjectNode view = stored.objectNode();
        if (projection.idOnly() && !expand.contains("changelog") && !expand.contains("renderedFields")) {
            if (flavour == JiraSimulator.Flavour.DATA_CENTER) {
                view.put("expand", "operations,versionedRepresentations,editmeta,changelog,renderedFields");
                view.set("id", stored.get("id"));
                view.set("self", stored.get("self"));
                view.set("key", stored.get("key"));
                return view;
            }
            view.set("id", stored.get("id"));
            return view;
        }
        view.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
        view.set("id", stored.get("id"));
        if (stored.has("self")) {
            view.set("self", stored.get("self"));
        }
        view.set("key", stored.get("key"));
        ObjectNode fields = projection.apply(stored.path("fields") instanceof ObjectNode all ? all : stored.objectNode());
        IssueActivity.truncate(fields);
        IssueWatchers.hide(fields);
        if (expand.contains("renderedFields")) {
            view.set("renderedFields", rendered(fields));
        }
        if (expand.contains("names")) {
            view.set("names", names(fields));
        }
        view.set("fields", fields);
        if (expand.contains("changelog")) {
            view.set("changelog", IssueChangelog.embedded(stored, flavour));
        }
        return view;
    }

    static ObjectNode names(ObjectNode fields) {
        ObjectNode names = fields.objectNode();
        fields.fieldNames().forEachRemaining(field -> names.put(field, FIELD_NAMES.getOrDefault(field, field)));
        return names;
    }

    /** A small HTML rendering: ADF documents and wiki text become their text in paragraphs, other values stay null. */
    private static ObjectNode rendered(ObjectNode fields) {
        ObjectNode rendered = fields.objectNode();
        fields.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            if (value.path("type").asText().equals("doc")) {
                StringBuilder html = new StringBuilder();
                for (JsonNode block : value.path("content")) {
                    html.append("<p>").append(escape(text(block))).append("</p>");
                }
                rendered.put(entry.getKey(), html.toString());
            } else if (value.isTextual() && (entry.getKey().equals("description") || entry.getKey().equals("environment"))) {
                rendered.put(entry.getKey(), "<p>" + escape(value.asText()) + "</p>");
            } else {
                rendered.putNull(entry.getKey());
            }
        });
        return rendered;
    }

    private static String text(JsonNode node) {
        StringBuilder text = new StringBuilder(node.path("text").asText(""));
        for (Iterator<JsonNode> children = node.path("content").elements(); children.hasNext(); ) {
            text.append(text(children.next()));
        }
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
