package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * An issue's history. The store keeps every history under the issue's top-level {@code changelog.histories}, oldest
 * first. {@code expand=changelog} embeds it: on Cloud only the most recent {@link #EMBEDDED} with {@code total} the
 * real count, the whole list paged from {@code GET /rest/api/3/issue/{id}/changelog} (a {@code PageBeanChangelog},
 * up to 100 a page); on Data Center always the whole list, as it has no changelog resource.
 */
final class IssueChangelog {

    /** How many histories Cloud embeds in an issue. */
    static final int EMBEDDED = 40;

    private static final int PAGE_CAP = 100;

    private final SimulatedSite site;

    IssueChangelog(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        if (site.options().flavour() == JiraSimulator.Flavour.CLOUD) {
            routes.get("/rest/api/3/issue/{issueIdOrKey}/changelog", this::page);
        }
    }

    /** Every history of the stored issue, oldest first. */
    static List<JsonNode> all(JsonNode storedIssue) {
        return StreamSupport.stream(storedIssue.path("changelog").path("histories").spliterator(), false).toList();
    }

    /** The {@code changelog} an issue embeds when expanded. */
    static ObjectNode embedded(JsonNode storedIssue, JiraSimulator.Flavour flavour) {
        List<JsonNode> all = all(storedIssue);
        List<JsonNode> shown = flavour == JiraSimulator.Flavour.CLOUD && all.size() > EMBEDDED
                ? all.subList(all.size() - EMBEDDED, all.size()) : all;
        ObjectNode changelog = JsonResponses.MAPPER.createObjectNode();
        changelog.put("startAt", 0);
        changelog.put("maxResults", shown.size());
        changelog.put("total", all.size());
        ArrayNode histories = changelog.putArray("histories");
        shown.forEach(history -> histories.add(history.deepCopy()));
        return changelog;
    }

    /**
     * Records a change the simulator made, as Jira does on every edit: one history at {@code at} naming each field
     * whose value differs between {@code before} and {@code after}; nothing when no field changed.
     */
    static void record(ObjectNode issue, ObjectNode before, ObjectNode after, String at, String historyId,
            JiraSimulator.Flavour flavour) {
        ArrayNode items = JsonResponses.MAPPER.createArrayNode();
        after.fieldNames().forEachRemaining(field -> {
            if (!field.equals("updated") && !after.get(field).equals(before.get(field))) {
                ObjectNode item = items.addObject();
                item.put("field", field).put("fieldtype", "jira");
                // Cloud histories name the field's id too; Data Center's do not.
                if (flavour == JiraSimulator.Flavour.CLOUD) {
                    item.put("fieldId", field);
                }
                item.put("fromString", display(before.get(field))).put("toString", display(after.get(field)));
            }
        });
        if (items.isEmpty()) {
            return;
        }
        ObjectNode history = issue.withObjectProperty("changelog").withArrayProperty("histories").addObject();
        history.put("id", historyId);
        history.put("created", at);
        history.set("items", items);
    }

    private void page(Context ctx) {
        ObjectNode issue = site.issues().find(ctx.pathParam("issueIdOrKey"))
                .orElseThrow(() -> JiraApiException.notFound(IssueRoutes.NOT_FOUND));
        List<JsonNode> all = all(issue);
        String base = site.dataset().siteUrl() + "/rest/api/3/issue/" + issue.get("key").asText() + "/changelog?";
        JsonResponses.send(ctx, 200, Paging.pageBean(ctx, base, PAGE_CAP, PAGE_CAP, all, JsonNode::deepCopy));
    }

    private static String display(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        for (String name : List.of("name", "displayName", "value", "key")) {
            if (value.path(name).isTextual()) {
                return value.path(name).asText();
            }
        }
        return value.toString();
    }
}
