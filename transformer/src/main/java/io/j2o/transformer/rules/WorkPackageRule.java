package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.richtext.LinkedMarkdown;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a Jira issue into a work package, and says which project memberships its people need: OpenProject accepts
 * an assignee or responsible (Jira's reporter) only once they are members of the project, so the work package lists
 * those memberships under {@code _j2o.awaits} and waits for them like for any reference.
 */
final class WorkPackageRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** ISO-8601 with milliseconds always written, so equal instants always yield equal checksums. */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);
    private static final int SUBJECT_MAX = 255;
    /** The Epic Link field id of a Data Center site whose payload does not name its fields. */
    private static final String DEFAULT_EPIC_LINK_FIELD = "customfield_10100";
    /** The issue's people, who become members of its project; the reporter is OpenProject's responsible. */
    private static final List<String> PEOPLE = List.of("assignee", "reporter");

    private final String jiraKeyField;
    private final NameMatcher types;
    private final NameMatcher statuses;
    private final NameMatcher priorities;
    private final RichTextField richText;
    private final CustomFieldRule customFields;
    private final SprintRule sprints;

    WorkPackageRule(String jiraKeyField, NameMatcher types, NameMatcher statuses, NameMatcher priorities,
                    RichTextField richText, CustomFieldRule customFields, SprintRule sprints) {
        this.customFields = customFields;
        this.sprints = sprints;
        this.jiraKeyField = jiraKeyField;
        this.types = types;
        this.statuses = statuses;
        this.priorities = priorities;
        this.richText = richText;
    }

    /**
     * Jira lets the remaining estimate grow past the original one; OpenProject refuses remaining work above work
     * (422). The closest value it accepts is the work itself: all of it still remains.
     */
    private static JsonNode remainingWithinWork(JsonNode fields) {
        JsonNode remaining = fields.path("timeestimate");
        JsonNode work = fields.path("timeoriginalestimate");
        return remaining.isNumber() && work.isNumber() && remaining.asLong() > work.asLong() ? work : remaining;
    }

    CommandDraft workPackage(String issueId, JsonNode issue, JiraFlavour flavour) {
        JsonNode fields = fields(issue, issueId);
        String key = required(issue, "key");
        ObjectNode body = MAPPER.createObjectNode()
                .put("subject", subject(required(fields, "summary")))
                .put(jiraKeyField, key);
        body.putObject("description");
        LinkedMarkdown description = richText.linked(fields.path("description"));
        IssueText text = IssueText.of(issue, fields);
        text.write(body, "/description/raw", description.template() + text.linkBack(key), description);
        body.put("dueDate", JiraDates.date(fields.path("duedate")))
                .put("estimatedTime", IsoHours.ofSecondsField(fields.path("timeoriginalestimate")))
                .put("remainingTime", IsoHours.ofSecondsField(remainingWithinWork(fields)));
        ObjectNode links = body.putObject("_links");
        String projectId = projectId(fields, key);
        links.putObject("project").put("href", References.placeholder(CommandKind.PROJECT, projectId));
        links.putObject("type").put("href", types.hrefFor(fields.path("issuetype").path("name").asText(null)));
        links.putObject("status").put("href", statuses.hrefFor(fields.path("status").path("name").asText(null),
                fields.path("status").path("statusCategory").path("key").asText(null)));
        links.putObject("priority").put("href", priorities.hrefFor(fields.path("priority").path("name").asText(null)));
        links.putObject("assignee").put("href", userHref(fields.path("assignee")));
        links.putObject("responsible").put("href", userHref(fields.path("reporter")));
        String fixVersionId = fields.path("fixVersions").path(0).path("id").asText("");
        Optional<String> versionId = fixVersionId.isBlank() ? sprints.latestVersionId(issue) : Optional.of(fixVersionId);
        links.putObject("version").put("href",
                versionId.map(id -> References.placeholder(CommandKind.VERSION, id)).orElse(null));
        parent(issue, flavour, links);
        customFields.apply(fields, key, body, links, text);
        MembershipRule.awaitMemberships(body, projectId, memberIds(issue, issueId));
        original(fields).ifPresent(original -> transformerSection(body).set("original", original));
        return new CommandDraft(CommandKind.WORK_PACKAGE, CommandAction.UPSERT, issueId, key, body);
    }

    /**
     * The Jira ids of the issue's assignee and reporter, then the users in user custom fields (OpenProject accepts
     * only project members there too), without repeats, in that order.
     */
    Set<String> memberIds(JsonNode issue, String issueId) {
        JsonNode fields = fields(issue, issueId);
        Set<String> ids = new LinkedHashSet<>();
        for (String jiraField : PEOPLE) {
            JiraIds.user(fields.path(jiraField)).ifPresent(ids::add);
        }
        ids.addAll(customFields.userIds(fields));
        return ids;
    }

    /**
     * Who created the issue in Jira and when, for the loader to set on creation where OpenProject allows it: the
     * creator, else the reporter (omitted when Jira names neither); the time as a UTC instant to the millisecond.
     * Empty when Jira names no creation time.
     */
    private static Optional<ObjectNode> original(JsonNode fields) {
        Optional<Instant> created = JiraAttribution.parse(fields.path("created").asText(""))
                .map(time -> time.toInstant().truncatedTo(ChronoUnit.MILLIS));
        if (created.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode original = MAPPER.createObjectNode().put("createdAt", MILLIS.format(created.get()));
        JiraIds.user(fields.path("creator")).or(() -> JiraIds.user(fields.path("reporter")))
                .ifPresent(id -> original.putObject("author").put("href", References.placeholder(CommandKind.USER, id)));
        return Optional.of(original);
    }

    /** The {@code _j2o} section the loader reads and never sends to OpenProject. */
    static ObjectNode transformerSection(ObjectNode body) {
        return body.get("_j2o") instanceof ObjectNode section ? section : body.putObject("_j2o");
    }

    /** Null clears the link: the issue is unassigned, or has no reporter. */
    private static String userHref(JsonNode user) {
        return JiraIds.user(user).map(id -> References.placeholder(CommandKind.USER, id)).orElse(null);
    }

    static String projectId(JsonNode fields, String issueKey) {
        String projectId = fields.path("project").path("id").asText("");
        if (projectId.isBlank()) {
            throw new MappingException("issue " + issueKey + " has no fields.project.id");
        }
        return projectId;
    }

    static JsonNode fields(JsonNode issue, String issueId) {
        JsonNode fields = issue.path("fields");
        if (!fields.isObject()) {
            throw new MappingException("issue " + issue.path("key").asText(issueId) + " has no fields object");
        }
        return fields;
    }

    /**
     * A sub-task's parent and (Cloud) an epic's child become {@code _links.parent}, waiting like any reference for
     * the parent's work package; no parent clears it. A Data Center Epic Link names the epic by key: it waits for the
     * epic's {@code issue_key:} alias.
     */
    private static void parent(JsonNode issue, JiraFlavour flavour, ObjectNode links) {
        String parentId = issue.path("fields").path("parent").path("id").asText("");
        Optional<String> epicKey = epicLinkKey(issue, flavour);
        if (!parentId.isBlank()) {
            links.putObject("parent").put("href", References.placeholder(CommandKind.WORK_PACKAGE, parentId));
        } else if (epicKey.isPresent()) {
            links.putObject("parent").put("href", References.issueKeyPlaceholder(epicKey.get()));
        } else {
            links.putObject("parent").putNull("href");
        }
    }

    /** The epic key of a Data Center Epic Link; its field id comes from the payload's {@code names} when present. */
    private static Optional<String> epicLinkKey(JsonNode issue, JiraFlavour flavour) {
        String field = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = issue.path("names").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> name = it.next();
            if (name.getValue().asText().equals("Epic Link")) {
                field = name.getKey();
            }
        }
        if (field == null && flavour == JiraFlavour.DATA_CENTER) {
            field = DEFAULT_EPIC_LINK_FIELD;
        }
        JsonNode value = field == null ? null : issue.path("fields").get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String subject(String summary) {
        String flat = summary.replaceAll("[\\r\\n]+", " ").strip();
        return flat.length() <= SUBJECT_MAX ? flat : flat.substring(0, SUBJECT_MAX - 1) + "…";
    }

    static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MappingException("missing or empty '" + field + "'");
        }
        return value.asText();
    }
}
