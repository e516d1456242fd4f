package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The fixed Jira configuration every generated site shares: statuses, issue types, priorities, resolutions, their ids
 * moved by the site's {@link GeneratedIds} (status categories keep Jira's fixed ids).
 */
final class ReferenceData {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String siteUrl;
    private final GeneratedIds ids;

    ReferenceData(String siteUrl, GeneratedIds ids) {
        this.siteUrl = siteUrl;
        this.ids = ids;
    }

    List<ObjectNode> statuses() {
        return List.of(
                status("10000", "To Do", category(2, "new", "blue-gray", "To Do")),
                status("3", "In Progress", category(4, "indeterminate", "yellow", "In Progress")),
                status("10001", "In Review", category(4, "indeterminate", "yellow", "In Progress")),
                status("10002", "Done", category(3, "done", "green", "Done")));
    }

    List<ObjectNode> issueTypes() {
        return List.of(
                issueType("10000", "Epic", "A big user story that needs to be broken down.", 1),
                issueType("10001", "Task", "A small, distinct piece of work.", 0),
                issueType("10002", "Bug", "A problem or error.", 0),
                issueType("10003", "Story", "Functionality or a feature expressed as a user goal.", 0));
    }

    List<ObjectNode> priorities() {
        return List.of(priority("1", "Highest", "#d04437"), priority("2", "High", "#f15C75"),
                priority("3", "Medium", "#f79232"), priority("4", "Low", "#707070"), priority("5", "Lowest", "#999999"));
    }

    ObjectNode doneResolution() {
        ObjectNode resolution = JSON.objectNode();
        String id = ids.text(10000);
        resolution.put("self", siteUrl + "/rest/api/3/resolution/" + id);
        resolution.put("id", id);
        resolution.put("description", "Work has been done on this issue.");
        resolution.put("name", "Done");
        return resolution;
    }

    private ObjectNode status(String usualId, String name, ObjectNode category) {
        String id = ids.text(Long.parseLong(usualId));
        ObjectNode status = JSON.objectNode();
        status.put("self", siteUrl + "/rest/api/3/status/" + id);
        status.put("description", "");
        status.put("iconUrl", siteUrl + "/images/icons/statuses/generic.png");
        status.put("name", name);
        status.put("id", id);
        status.set("statusCategory", category);
        return status;
    }

    private ObjectNode category(int id, String key, String colorName, String name) {
        ObjectNode category = JSON.objectNode();
        category.put("self", siteUrl + "/rest/api/3/statuscategory/" + id);
        category.put("id", id);
        category.put("key", key);
        category.put("colorName", colorName);
        category.put("name", name);
        return category;
    }

    private ObjectNode issueType(String usualId, String name, String description, int hierarchyLevel) {
        String id = ids.text(Long.parseLong(usualId));
        ObjectNode type = JSON.objectNode();
        type.put("self", siteUrl + "/rest/api/3/issuetype/" + id);
        type.put("id", id);
        type.put("description", description);
        type.put("iconUrl", siteUrl + "/rest/api/2/universal_avatar/view/type/issuetype/avatar/" + id + "?size=medium");
        type.put("name", name);
        type.put("subtask", false);
        type.put("hierarchyLevel", hierarchyLevel);
        return type;
    }

    private ObjectNode priority(String usualId, String name, String color) {
        String id = ids.text(Long.parseLong(usualId));
        ObjectNode priority = JSON.objectNode();
        priority.put("self", siteUrl + "/rest/api/3/priority/" + id);
        priority.put("iconUrl", siteUrl + "/images/icons/priorities/" + name.toLowerCase() + ".svg");
        priority.put("name", name);
        priority.put("id", id);
        priority.put("statusColor", color);
        return priority;
    }
}
