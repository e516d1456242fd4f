package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes each issue's history, the complete list the simulator embeds (cut short) under {@code expand=changelog} and
 * pages from {@code /issue/{id}/changelog}: kept at the issue's top level as {@code changelog.histories}, oldest
 * first, one to three changes between creation and {@code updated} (the last one made it) on a touched issue, and
 * on one touched issue in {@value #LONG_HISTORY_ODDS} more than Jira embeds.
 */
final class ChangelogGenerator {

    /** More histories than Jira embeds in a searched issue (40). */
    static final int LONG_HISTORY = 45;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_ID = 500000;
    private static final int LONG_HISTORY_ODDS = 30;

    private final Random random;
    private final List<ObjectNode> users;
    private long nextId;

    ChangelogGenerator(Random random, List<ObjectNode> users, GeneratedIds ids) {
        this.nextId = ids.id(FIRST_ID);
        this.random = random;
        this.users = users;
    }

    void write(List<ObjectNode> issues) {
        for (ObjectNode issue : issues) {
            ObjectNode fields = (ObjectNode) issue.get("fields");
            Instant created = JiraDateTimes.parse(fields.get("created").asText());
            Instant updated = JiraDateTimes.parse(fields.get("updated").asText());
            int count = created.equals(updated) ? 0
                    : random.nextInt(LONG_HISTORY_ODDS) == 0 ? LONG_HISTORY : 1 + random.nextInt(3);
            ArrayNode histories = issue.putObject("changelog").putArray("histories");
            String status = fields.path("status").path("name").asText();
            List<Instant> times = ActivityTimes.between(random, count, created, updated);
            for (int i = 0; i < times.size(); i++) {
                // The last change set the current status; the ones before moved it through the workflow or relabelled.
                boolean last = i == times.size() - 1;
                histories.add(history(times.get(i), last ? item("status", "To Do", status) : item("labels", "", "triage-" + i)));
            }
        }
    }

    private ObjectNode history(Instant at, ObjectNode item) {
        ObjectNode history = JSON.objectNode();
        history.put("id", String.valueOf(nextId++));
        history.set("author", DatasetGenerator.userReference(users.get(random.nextInt(users.size() - 1))));
        history.put("created", JiraDateTimes.format(at));
        history.putArray("items").add(item);
        return history;
    }

    private static ObjectNode item(String field, String from, String to) {
        ObjectNode item = JSON.objectNode();
        item.put("field", field);
        item.put("fieldtype", "jira");
        item.put("fieldId", field);
        // A status or label change names no ids; Jira then leaves from/to out.
        item.put("fromString", from);
        item.put("toString", to);
        return item;
    }
}
