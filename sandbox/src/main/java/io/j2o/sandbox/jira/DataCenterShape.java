package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.JiraDateTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a Cloud-shaped site into what Jira Data Center 10.3 serves over REST v2: users carry {@code name} and
 * {@code key} instead of {@code accountId}, rich text is wiki markup, times carry the server's offset
 * ({@code 2024-01-02T10:11:12.123+0100}), a sprint is a legacy {@code Sprint@..[..]} string, an epic is named by the
 * Epic Link field, and every URL is the server's.
 */
final class DataCenterShape {

    /** Where the simulated server says it lives. */
    static final String SITE_URL = "https://jira.j2o-sandbox.example";
    /** The Epic Link custom field ({@code com.pyxis.greenhopper.jira:gh-epic-link}); it holds the epic's key. */
    static final String EPIC_LINK = "customfield_10100";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
    /** Cloud-only attributes that Data Center does not have. */
    private static final Set<String> CLOUD_ONLY = Set.of("accountId", "accountType", "hierarchyLevel", "simplified",
            "entityId", "scope", "fieldId");

    private final String cloudUrl;
    private final ZoneId zone;
    private final Map<String, ObjectNode> usersByAccountId = new HashMap<>();

    private DataCenterShape(JiraDataset cloud, ZoneId zone) {
        this.cloudUrl = cloud.siteUrl();
        this.zone = zone;
        List<ObjectNode> users = cloud.users();
        for (int i = 0; i < users.size(); i++) {
            usersByAccountId.put(users.get(i).path("accountId").asText(), user(users.get(i), 10100 + i));
        }
    }

    /** The same site as Data Center serves it, times written in {@code zone}. */
    static JiraDataset convert(JiraDataset cloud, ZoneId zone) {
        DataCenterShape shape = new DataCenterShape(cloud, zone);
        return new JiraDataset(SITE_URL, cloud.users().stream().map(shape::object).toList(),
                cloud.projects().stream().map(shape::project).toList(),
                cloud.versions().stream().map(shape::object).toList(),
                cloud.statuses().stream().map(shape::object).toList(),
                cloud.issueTypes().stream().map(shape::object).toList(),
                cloud.priorities().stream().map(shape::object).toList(),
                cloud.issues().stream().map(shape::issue).toList(),
                cloud.groups().stream().map(shape::group).toList(),
                cloud.projectRoles().stream().map(shape::role).toList());
    }

    /**
     * A Data Center {@code ProjectRoleBean}: its actors are {@code RoleActorBean}s, which name their user or group by
     * {@code name} alone (a user actor's parameter is the user's stable key) and carry no {@code actorUser} or
     * {@code actorGroup}.
     */
    private ObjectNode role(ObjectNode cloudRole) {
        ObjectNode role = JSON.objectNode();
        for (String field : List.of("self", "name", "id", "description")) {
            if (cloudRole.has(field)) {
                role.set(field, convert(cloudRole.get(field)));
            }
        }
        ArrayNode actors = role.putArray("actors");
        for (JsonNode cloudActor : cloudRole.path("actors")) {
            ObjectNode actor = actors.addObject();
            actor.put("id", cloudActor.path("id").asLong());
            actor.put("displayName", cloudActor.path("displayName").asText());
            actor.put("type", cloudActor.path("type").asText());
            if (cloudActor.has("actorUser")) {
                ObjectNode user = usersByAccountId.get(cloudActor.path("actorUser").path("accountId").asText());
                actor.put("name", user == null ? cloudActor.path("actorUser").path("accountId").asText() : user.path("key").asText());
            } else {
                actor.put("name", cloudActor.path("actorGroup").path("name").asText(cloudActor.path("name").asText()));
            }
        }
        return role;
    }

    /** Data Center names a group by its name alone; it has no group id. */
    private ObjectNode group(ObjectNode cloudGroup) {
        ObjectNode group = object(cloudGroup);
        group.remove("groupId");
        return group;
    }

    /** A Data Center timestamp: milliseconds and the zone's offset without a colon. */
    static String timestamp(Instant instant, ZoneId zone) {
        return FORMAT.format(instant.atZone(zone));
    }

    /** A Data Center project has no Cloud style, privacy or properties; the lead stays for {@code expand=lead}. */
    private ObjectNode project(ObjectNode cloudProject) {
        ObjectNode project = JSON.objectNode();
        for (String field : List.of("self", "id", "key", "name", "description", "lead", "avatarUrls")) {
            if (cloudProject.has(field)) {
                project.set(field, convert(cloudProject.get(field)));
            }
        }
        project.put("archived", false);
        return project;
    }

    private ObjectNode issue(ObjectNode cloudIssue) {
        ObjectNode issue = cloudIssue.deepCopy();
        ObjectNode fields = issue.withObjectProperty("fields");
        JsonNode parent = fields.path("parent");
        // On Data Center only sub-tasks have a parent; an epic's children name it in the Epic Link field.
        if (parent.isObject() && parent.path("fields").path("issuetype").path("name").asText().equals("Epic")) {
            fields.remove("parent");
            fields.put(EPIC_LINK, parent.path("key").asText());
        }
        for (String sprintField : sprintFields(fields)) {
            ArrayNode sprints = JSON.arrayNode();
            fields.path(sprintField).forEach(sprint -> sprints.add(legacySprint(sprint)));
            fields.set(sprintField, sprints);
        }
        ObjectNode converted = object(issue);
        // A history's author is a plain user bean on Data Center, without the user resource's 'deleted'.
        converted.path("changelog").path("histories").forEach(history -> {
            if (history.path("author") instanceof ObjectNode author) {
                author.remove("deleted");
            }
        });
        converted.path("fields").path("attachment").forEach(attachment -> attachment((ObjectNode) attachment));
        return converted;
    }

    /** The generated Sprint fields (of any id base) the issue holds as Cloud's arrays of sprint objects. */
    private static List<String> sprintFields(ObjectNode fields) {
        List<String> sprintFields = new ArrayList<>();
        fields.fieldNames().forEachRemaining(name -> DatasetCustomFields.idsOf(name)
                .filter(ids -> ids.sprint().equals(name) && fields.path(name).isArray())
                .ifPresent(ids -> sprintFields.add(name)));
        return sprintFields;
    }

    /**
     * The Sprint field as Data Center's REST v2 still writes it: the {@code toString()} of Jira Software's Sprint
     * object, absent dates as {@code <null>}.
     */
    static String legacySprint(JsonNode sprint) {
        return "com.atlassian.greenhopper.service.sprint.Sprint@" + Integer.toHexString(0x1a2b00 + sprint.path("id").asInt())
                + "[id=" + sprint.path("id").asInt() + ",rapidViewId=" + sprint.path("boardId").asInt()
                + ",state=" + sprint.path("state").asText().toUpperCase(Locale.ROOT) + ",name=" + sprint.path("name").asText()
                + ",startDate=" + sprint.path("startDate").asText("<null>")
                + ",endDate=" + sprint.path("endDate").asText("<null>")
                + ",completeDate=" + sprint.path("completeDate").asText("<null>") + ",sequence=" + sprint.path("id").asInt()
                + ",goal=" + sprint.path("goal").asText("") + "]";
    }

    /** Data Center serves an attachment's bytes under {@code /secure/attachment/{id}/{filename}}, not the REST API. */
    private static void attachment(ObjectNode attachment) {
        String id = attachment.path("id").asText();
        String name = java.net.URLEncoder.encode(attachment.path("filename").asText(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
        attachment.put("content", SITE_URL + "/secure/attachment/" + id + "/" + name);
        if (attachment.has("thumbnail")) {
            attachment.put("thumbnail", SITE_URL + "/secure/thumbnail/" + id + "/_thumb_" + id + ".png");
        }
    }

    private ObjectNode object(ObjectNode node) {
        return (ObjectNode) convert(node);
    }

    private JsonNode convert(JsonNode node) {
        if (AdfWikiText.isDocument(node)) {
            return TextNode.valueOf(AdfWikiText.convert(node, accountId -> Optional.ofNullable(usersByAccountId.get(accountId))
                    .map(user -> user.path("name").asText())));
        }
        if (node.isObject() && node.hasNonNull("accountId")) {
            ObjectNode user = usersByAccountId.get(node.get("accountId").asText());
            return user != null ? user.deepCopy() : user((ObjectNode) node, 20000 + Math.abs(node.get("accountId").asText().hashCode() % 10000));
        }
        if (node.isObject()) {
            ObjectNode converted = JSON.objectNode();
            node.fields().forEachRemaining(field -> {
                if (!CLOUD_ONLY.contains(field.getKey())) {
                    converted.set(field.getKey(), convert(field.getValue()));
                }
            });
            return converted;
        }
        if (node.isArray()) {
            ArrayNode converted = JSON.arrayNode();
            node.forEach(element -> converted.add(convert(element)));
            return converted;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(text(node.asText()));
        }
        return node.deepCopy();
    }

    private String text(String value) {
        if (TIMESTAMP.matcher(value).matches()) {
            return timestamp(JiraDateTimes.parse(value), zone);
        }
        if (value.startsWith(cloudUrl)) {
            return SITE_URL + value.substring(cloudUrl.length()).replace("/rest/api/3/", "/rest/api/2/");
        }
        return value;
    }

    /** A Data Center user: the username ({@code name}, renameable) and the stable {@code key}. */
    private ObjectNode user(ObjectNode cloudUser, int number) {
        String email = cloudUser.path("emailAddress").asText("");
        String name = email.contains("@") ? email.substring(0, email.indexOf('@'))
                : cloudUser.path("displayName").asText("user" + number).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
        ObjectNode user = JSON.objectNode();
        user.put("self", SITE_URL + "/rest/api/2/user?username=" + name);
        user.put("key", "JIRAUSER" + number);
        user.put("name", name);
        if (!email.isEmpty()) {
            user.put("emailAddress", email);
        }
        if (cloudUser.has("avatarUrls")) {
            user.set("avatarUrls", convert(cloudUser.get("avatarUrls")));
        }
        user.put("displayName", cloudUser.path("displayName").asText(name));
        user.put("active", cloudUser.path("active").asBoolean(true));
        user.put("deleted", false);
        user.put("timeZone", cloudUser.path("timeZone").asText(zone.getId()));
        return user;
    }
}
