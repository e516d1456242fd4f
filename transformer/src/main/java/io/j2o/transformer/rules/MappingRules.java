package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.transformer.normalize.Checksums;
import io.j2o.transformer.resolve.References;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns Jira entities into OpenProject commands: projects into projects, issues into work packages and the comments
 * embedded in an issue into comments on its work package (see {@link CommentRule}). References to
 * other migrated entities become placeholders that the resolver fills in once their mapping exists.
 */
public final class MappingRules {

    /** Raised whenever a rule changes its output for the same input, so a replay re-emits everything it touches. */
    public static final int TRANSFORM_VERSION = 4;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int SUBJECT_MAX = 255;
    private static final int IDENTIFIER_MAX = 100;
    /** The Epic Link field id of a Data Center site whose payload does not name its fields. */
    private static final String DEFAULT_EPIC_LINK_FIELD = "customfield_10100";

    private final String jiraKeyField;
    private final NameMatcher types;
    private final NameMatcher statuses;
    private final NameMatcher priorities;
    private final RichTextField richText = new RichTextField();
    private final CommentRule comments = new CommentRule(richText);
    private final String fingerprint;

    /** @param jiraKeyField API name of the work-package custom field that keeps the Jira key */
    public MappingRules(OpenProjectCatalog catalog, String jiraKeyField) {
        this.jiraKeyField = jiraKeyField;
        this.types = new NameMatcher(catalog.types(), catalog.overrides().getOrDefault("type", Map.of()), Vocabularies.TYPES);
        this.statuses = new NameMatcher(catalog.statuses(), catalog.overrides().getOrDefault("status", Map.of()), Vocabularies.STATUSES);
        this.priorities = new NameMatcher(catalog.priorities(), catalog.overrides().getOrDefault("priority", Map.of()), Vocabularies.PRIORITIES);
        this.fingerprint = Checksums.sha256(Integer.toString(TRANSFORM_VERSION), jiraKeyField, catalog.toString(),
                new TreeMap<>(catalog.overrides()).toString());
    }

    /**
     * Identifies the rules and their configuration: part of every checksum, so changing a mapping re-emits the
     * entities it affects.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /** The command for an event, or empty when this kind of entity produces none yet. */
    public Optional<CommandDraft> map(JiraEntityEvent event, JsonNode payload) {
        return switch (event.getEntityType()) {
            case PROJECT -> Optional.of(project(event, payload));
            case ISSUE -> Optional.of(workPackage(event, payload));
            default -> Optional.empty();
        };
    }

    /**
     * The comments an issue payload carries, as commands; empty for other entities and for issue payloads fetched
     * without their comment field.
     */
    public Optional<IssueComments> comments(JiraEntityEvent event, JsonNode payload) {
        if (event.getEntityType() != JiraEntityType.ISSUE) {
            return Optional.empty();
        }
        return comments.comments(event.getJiraId(), payload.path("key").asText(event.getJiraKey()), payload.path("fields"));
    }

    /** The command that removes what an entity became, for a DELETE event. */
    public Optional<CommandDraft> deletion(JiraEntityEvent event) {
        return kindOf(event.getEntityType())
                .map(kind -> new CommandDraft(kind, CommandAction.DELETE, event.getJiraId(), event.getJiraKey(), null));
    }

    public static Optional<CommandKind> kindOf(JiraEntityType type) {
        return switch (type) {
            case PROJECT -> Optional.of(CommandKind.PROJECT);
            case ISSUE -> Optional.of(CommandKind.WORK_PACKAGE);
            default -> Optional.empty();
        };
    }

    private CommandDraft project(JiraEntityEvent event, JsonNode project) {
        String key = required(project, "key").toLowerCase(Locale.ROOT);
        ObjectNode body = MAPPER.createObjectNode()
                .put("identifier", identifier(key))
                .put("name", required(project, "name"));
        body.putObject("description").put("raw", project.path("description").asText(""));
        return new CommandDraft(CommandKind.PROJECT, CommandAction.UPSERT, event.getJiraId(), project.path("key").asText(), body);
    }

    private CommandDraft workPackage(JiraEntityEvent event, JsonNode issue) {
        JsonNode fields = issue.path("fields");
        if (!fields.isObject()) {
            throw new MappingException("issue " + event.getJiraKey() + " has no fields object");
        }
        String key = required(issue, "key");
        ObjectNode body = MAPPER.createObjectNode()
                .put("subject", subject(required(fields, "summary")))
                .put(jiraKeyField, key);
        body.putObject("description").put("raw", richText.markdown(fields.path("description")));
        ObjectNode links = body.putObject("_links");
        String projectId = fields.path("project").path("id").asText(null);
        if (projectId == null) {
            throw new MappingException("issue " + key + " has no fields.project.id");
        }
        links.putObject("project").put("href", References.placeholder(CommandKind.PROJECT, projectId));
        links.putObject("type").put("href", types.hrefFor(fields.path("issuetype").path("name").asText(null)));
        links.putObject("status").put("href", statuses.hrefFor(fields.path("status").path("name").asText(null),
                fields.path("status").path("statusCategory").path("key").asText(null)));
        links.putObject("priority").put("href", priorities.hrefFor(fields.path("priority").path("name").asText(null)));
        parent(event, issue, links);
        return new CommandDraft(CommandKind.WORK_PACKAGE, CommandAction.UPSERT, event.getJiraId(), key, body);
    }

    /**
     * A sub-task's parent and (Cloud) an epic's child become {@code _links.parent}, waiting like any reference for
     * the parent's work package; no parent clears it. A Data Center Epic Link names the epic by key, which has no
     * mapping to wait on, so such an issue leaves its parent as OpenProject has it.
     */
    private static void parent(JiraEntityEvent event, JsonNode issue, ObjectNode links) {
        String parentId = issue.path("fields").path("parent").path("id").asText("");
        if (!parentId.isBlank()) {
            links.putObject("parent").put("href", References.placeholder(CommandKind.WORK_PACKAGE, parentId));
        } else if (epicLinkKey(event, issue).isEmpty()) {
            links.putObject("parent").putNull("href");
        }
    }

    /** The epic key of a Data Center Epic Link; its field id comes from the payload's {@code names} when present. */
    private static Optional<String> epicLinkKey(JiraEntityEvent event, JsonNode issue) {
        String field = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = issue.path("names").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> name = it.next();
            if (name.getValue().asText().equals("Epic Link")) {
                field = name.getKey();
            }
        }
        if (field == null && event.getSource().getFlavour() == JiraFlavour.DATA_CENTER) {
            field = DEFAULT_EPIC_LINK_FIELD;
        }
        JsonNode value = field == null ? null : issue.path("fields").get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static String subject(String summary) {
        String flat = summary.replaceAll("[\\r\\n]+", " ").strip();
        return flat.length() <= SUBJECT_MAX ? flat : flat.substring(0, SUBJECT_MAX - 1) + "…";
    }

    /** OpenProject identifiers: lower-case letters, digits, '-' and '_', starting with a letter, at most 100. */
    static String identifier(String lowerKey) {
        String cleaned = lowerKey.replaceAll("[^a-z0-9_-]", "-");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "p-" + cleaned;
        }
        return cleaned.length() <= IDENTIFIER_MAX ? cleaned : cleaned.substring(0, IDENTIFIER_MAX);
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new MappingException("missing or empty '" + field + "'");
        }
        return value.asText();
    }
}
