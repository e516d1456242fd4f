package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The lists an issue embeds that Jira cuts short: {@code fields.comment.comments} and {@code fields.worklog.worklogs}.
 * The store keeps every item; an issue in a search or lookup response carries the first {@link #EMBEDDED} only, with
 * {@code total} the real count, and the rest is read from {@code /issue/{id}/comment} and {@code /issue/{id}/worklog}.
 */
enum IssueActivity {
    COMMENTS("comment", "comments"), WORKLOGS("worklog", "worklogs");

    /** How many items of each list Jira embeds in an issue. */
    static final int EMBEDDED = 20;

    private final String field;
    private final String list;

    IssueActivity(String field, String list) {
        this.field = field;
        this.list = list;
    }

    /** The name of the array in the page, e.g. {@code worklogs}. */
    String listName() {
        return list;
    }

    /** Every item the stored issue holds, oldest first. */
    List<JsonNode> all(ObjectNode storedIssue) {
        return StreamSupport.stream(storedIssue.path("fields").path(field).path(list).spliterator(), false)
                .toList();
    }

    /** Cuts every embedded list of {@code fields} (a response copy) down to what Jira embeds. */
    static void truncate(ObjectNode fields) {
        for (IssueActivity activity : values()) {
            if (fields.path(activity.field) instanceof ObjectNode page && page.path(activity.list).size() > EMBEDDED) {
                ArrayNode items = (ArrayNode) page.get(activity.list);
                int total = items.size();
                ArrayNode first = page.arrayNode();
                for (int i = 0; i < EMBEDDED; i++) {
                    first.add(items.get(i));
                }
                page.set(activity.list, first);
                page.put("startAt", 0);
                page.put("maxResults", EMBEDDED);
                page.put("total", total);
            }
        }
    }
}
