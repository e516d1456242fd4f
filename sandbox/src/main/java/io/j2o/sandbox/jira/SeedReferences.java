package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The people and versions seeded issues name. The site they were captured from serves every one of them (its user
 * search, its project versions), while a folder of captures rarely holds those lists: a simulator that did not serve
 * them would leave every reference to them unresolvable, which no real migration sees.
 */
final class SeedReferences {

    private static final List<String> PEOPLE = List.of("/fields/assignee", "/fields/reporter", "/fields/creator");
    private static final List<String> ACTIVITY = List.of("/fields/comment/comments", "/fields/worklog/worklogs");
    private static final List<String> AUTHORS = List.of("author", "updateAuthor");

    private SeedReferences() {
    }

    /** Every user named by the issues, by account id (Cloud) or key (Data Center), first mention kept. */
    static Map<String, ObjectNode> users(List<ObjectNode> issues) {
        Map<String, ObjectNode> users = new LinkedHashMap<>();
        for (ObjectNode issue : issues) {
            PEOPLE.forEach(pointer -> addUser(users, issue.at(pointer)));
            ACTIVITY.forEach(pointer -> issue.at(pointer).forEach(entry -> AUTHORS.forEach(author -> addUser(users, entry.path(author)))));
        }
        return users;
    }

    /** Every version named as fix or affected version, with the id of the project whose issue names it. */
    static Map<String, ObjectNode> versions(List<ObjectNode> issues) {
        Map<String, ObjectNode> versions = new LinkedHashMap<>();
        for (ObjectNode issue : issues) {
            JsonNode projectId = issue.at("/fields/project/id");
            for (String field : List.of("fixVersions", "versions")) {
                issue.path("fields").path(field).forEach(version -> {
                    String id = version.path("id").asText("");
                    if (!id.isBlank() && projectId.isTextual()) {
                        versions.computeIfAbsent(id, ignored -> ((ObjectNode) version.deepCopy())
                                .put("projectId", Long.parseLong(projectId.asText())));
                    }
                });
            }
        }
        return versions;
    }

    /** How Jira identifies a user: Cloud's accountId, else Data Center's key, else its name (old servers). */
    static Optional<String> userId(JsonNode user) {
        return Stream.of("accountId", "key", "name").map(user::path)
                .filter(id -> id.isTextual() && !id.asText().isBlank()).map(JsonNode::asText).findFirst();
    }

    private static void addUser(Map<String, ObjectNode> users, JsonNode user) {
        if (user.isObject()) {
            userId(user).ifPresent(id -> users.putIfAbsent(id, ((ObjectNode) user).deepCopy()));
        }
    }
}
