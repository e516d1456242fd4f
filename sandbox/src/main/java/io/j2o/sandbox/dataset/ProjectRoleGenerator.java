package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Every project's roles as Cloud's {@code /project/{key}/role/{id}} returns them (a {@code ProjectRole} with its
 * {@code actors}): "Administrators" with one active user, "Developers" with the project's {@code <key>-developers}
 * group and one active user, and an empty "Viewers". Role ids are site-wide, as in Jira; actor ids are unique.
 */
final class ProjectRoleGenerator {

    static final String ADMINISTRATORS = "Administrators";
    static final String DEVELOPERS = "Developers";
    static final String VIEWERS = "Viewers";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_ACTOR_ID = 10200;

    private final Random random;
    private final String siteUrl;
    private final List<ObjectNode> activeUsers;
    private final GeneratedIds ids;
    private int nextActorId = FIRST_ACTOR_ID;

    ProjectRoleGenerator(Random random, String siteUrl, List<ObjectNode> users, GeneratedIds ids) {
        this.random = random;
        this.siteUrl = siteUrl;
        this.activeUsers = users.stream().filter(user -> user.path("active").asBoolean(true)).toList();
        this.ids = ids;
    }

    /** The roles of every project, project by project, each project's in the order Administrators, Developers, Viewers. */
    List<ObjectNode> roles(List<ObjectNode> projects, List<ObjectNode> groups) {
        List<ObjectNode> roles = new ArrayList<>();
        for (ObjectNode project : projects) {
            String key = project.get("key").asText();
            String developersName = key.toLowerCase(Locale.ROOT) + "-developers";
            ObjectNode administrators = role(key, 10002, ADMINISTRATORS, "A project role that represents administrators in a project");
            userActor(administrators, pickUser());
            roles.add(administrators);
            ObjectNode developers = role(key, 10001, DEVELOPERS, "A project role that represents developers in a project");
            groups.stream().filter(group -> group.path("name").asText().equals(developersName)).findFirst()
                    .ifPresent(group -> groupActor(developers, group));
            userActor(developers, pickUser());
            roles.add(developers);
            roles.add(role(key, 10003, VIEWERS, "A project role that represents viewers in a project"));
        }
        return roles;
    }

    private ObjectNode pickUser() {
        return activeUsers.get(random.nextInt(activeUsers.size()));
    }

    private ObjectNode role(String projectKey, int usualId, String name, String description) {
        NumericNode id = ids.number(usualId);
        ObjectNode role = JSON.objectNode();
        role.put("self", siteUrl + "/rest/api/3/project/" + projectKey + "/role/" + id.asText());
        role.put("name", name);
        role.set("id", id);
        role.put("description", description);
        role.putArray("actors");
        return role;
    }

    private void userActor(ObjectNode role, ObjectNode user) {
        ObjectNode actor = ((ArrayNode) role.get("actors")).addObject();
        actor.set("id", ids.number(nextActorId++));
        actor.put("displayName", user.path("displayName").asText());
        actor.put("type", "atlassian-user-role-actor");
        actor.putObject("actorUser").put("accountId", user.path("accountId").asText());
    }

    private void groupActor(ObjectNode role, ObjectNode group) {
        String name = group.path("name").asText();
        ObjectNode actor = ((ArrayNode) role.get("actors")).addObject();
        actor.set("id", ids.number(nextActorId++));
        actor.put("displayName", name);
        actor.put("type", "atlassian-group-role-actor");
        actor.put("name", name);
        ObjectNode actorGroup = actor.putObject("actorGroup");
        actorGroup.put("displayName", name);
        actorGroup.put("groupId", group.path("groupId").asText());
        actorGroup.put("name", name);
    }
}
