package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns Jira entities into OpenProject commands: users, groups, projects, versions, issues into work packages (with the
 * project memberships their people need), and the comments, worklogs and outward links embedded in an issue into
 * comments, time entries and relations. References to other migrated entities become placeholders that the
 * resolver fills in once their mapping exists.
 */
public final class MappingRules {

    /** Raised whenever a rule changes its output for the same input, so a replay re-emits everything it touches. */
    public static final int TRANSFORM_VERSION = 9;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int IDENTIFIER_MAX = 100;

    private final RichTextField richText = new RichTextField();
    private final WorkPackageRule workPackages;
    private final SprintRule sprints;
    private final UserRule users;
    private final VersionRule versions = new VersionRule();
    private final MembershipRule memberships;
    private final CommentRule comments = new CommentRule(richText);
    private final WorklogRule worklogs = new WorklogRule(richText);
    private final RelationRule relations;
    private final WatcherRule watchers = new WatcherRule();
    private final AttachmentRule attachments = new AttachmentRule();
    private final GroupRule groups = new GroupRule();
    private final ProjectRoleRule projectRoles;
    private final MappingConfig config;

    /**
     * @param jiraKeyField API name of the work-package custom field that keeps the Jira key
     * @throws IllegalArgumentException when the catalog has no role named {@code config.memberRole()}, or no
     *                                  work-package custom field that {@code config} maps a Jira field to
     */
    public MappingRules(OpenProjectCatalog catalog, String jiraKeyField, MappingConfig config) {
        Map<String, Map<String, String>> overrides = catalog.overrides();
        this.sprints = new SprintRule(config.sprints());
        this.workPackages = new WorkPackageRule(jiraKeyField,
                new NameMatcher(catalog.types(), overrides.getOrDefault("type", Map.of()), Vocabularies.TYPES),
                new NameMatcher(catalog.statuses(), overrides.getOrDefault("status", Map.of()), Vocabularies.STATUSES),
                new NameMatcher(catalog.priorities(), overrides.getOrDefault("priority", Map.of()), Vocabularies.PRIORITIES),
                richText, new CustomFieldRule(config, catalog, jiraKeyField, richText), sprints);
        this.users = new UserRule(config);
        this.memberships = new MembershipRule(catalog.roleHref(config.memberRole()));
        this.projectRoles = new ProjectRoleRule(catalog, config);
        this.relations = new RelationRule(config);
        this.config = config;
    }

    /** The command an event stands for, or empty when this kind of entity produces none. */
    public Optional<CommandDraft> map(JiraEntityEvent event, JsonNode payload) {
        return switch (event.getEntityType()) {
            case USER -> Optional.of(users.user(event.getJiraId(), payload));
            case PROJECT -> Optional.of(project(event, payload));
            case VERSION -> Optional.of(versions.version(event.getJiraId(), payload));
            case ISSUE -> Optional.of(workPackages.workPackage(event.getJiraId(), payload, event.getSource().getFlavour()));
            case GROUP -> Optional.of(groups.group(event.getJiraId(), payload));
            default -> Optional.empty();
        };
    }

    /**
     * The project memberships an issue's assignee, reporter, worklog authors and watchers need, or those a project
     * role's actors get; none for other entities.
     */
    public List<CommandDraft> memberships(JiraEntityEvent event, JsonNode payload) {
        if (event.getEntityType() == JiraEntityType.PROJECT_ROLE) {
            return projectRoles.memberships(event.getJiraId(), event.getProjectKey(), payload);
        }
        if (event.getEntityType() != JiraEntityType.ISSUE) {
            return List.of();
        }
        JsonNode fields = WorkPackageRule.fields(payload, event.getJiraId());
        String projectId = WorkPackageRule.projectId(fields, event.getJiraKey());
        Set<String> members = new LinkedHashSet<>(workPackages.memberIds(payload, event.getJiraId()));
        members.addAll(WorklogRule.authorIds(fields));
        members.addAll(WatcherRule.watcherIds(fields));
        return members.stream()
                .map(userId -> memberships.membership(projectId, userId, payload.path("key").asText(event.getJiraKey())))
                .toList();
    }

    /** The versions an issue's sprints become (see {@code mapping.sprints}); none for other entities. */
    public List<CommandDraft> sprintVersions(JiraEntityEvent event, JsonNode payload) {
        if (event.getEntityType() != JiraEntityType.ISSUE) {
            return List.of();
        }
        JsonNode fields = WorkPackageRule.fields(payload, event.getJiraId());
        return sprints.versions(payload, WorkPackageRule.projectId(fields, event.getJiraKey()));
    }

    /**
     * The comments, time entries, relations and watchers an issue payload carries, one list per kind the payload holds; none
     * for other entities.
     */
    public List<IssueChildren> children(JiraEntityEvent event, JsonNode payload) {
        if (event.getEntityType() != JiraEntityType.ISSUE) {
            return List.of();
        }
        String id = event.getJiraId();
        String key = payload.path("key").asText(event.getJiraKey());
        JsonNode fields = payload.path("fields");
        return Stream.of(comments.comments(id, key, fields), worklogs.timeEntries(id, key, fields),
                relations.relations(id, key, fields), watchers.watchers(id, key, fields),
                attachments.attachments(id, key, fields)).flatMap(Optional::stream).toList();
    }

    /** The command that removes what an entity became, for a DELETE event. */
    public Optional<CommandDraft> deletion(JiraEntityEvent event) {
        return kindOf(event.getEntityType())
                .map(kind -> new CommandDraft(kind, CommandAction.DELETE, event.getJiraId(), event.getJiraKey(), null));
    }

    /**
     * What a deleted Jira entity removes. A user removed from Jira stays in OpenProject: the work packages, time
     * entries and journals that name them are still migrated history. A deleted version stays too, until the loader
     * agrees on how to remove one that work packages still name. A deleted group goes: the loader removes only a group
     * it wrote.
     */
    private static Optional<CommandKind> kindOf(JiraEntityType type) {
        return switch (type) {
            case PROJECT -> Optional.of(CommandKind.PROJECT);
            case ISSUE -> Optional.of(CommandKind.WORK_PACKAGE);
            case GROUP -> Optional.of(CommandKind.GROUP);
            default -> Optional.empty();
        };
    }

    /**
     * A project goes under the OpenProject project the config names for its key (or for every project), linked by
     * identifier: the operator knows identifiers, and the loader turns one into the numeric href OpenProject
     * expects. Never under itself, which a {@code *} entry naming a migrated project's identifier would ask for.
     */
    private CommandDraft project(JiraEntityEvent event, JsonNode project) {
        String jiraKey = WorkPackageRule.required(project, "key");
        String identifier = identifier(jiraKey.toLowerCase(Locale.ROOT));
        ObjectNode body = MAPPER.createObjectNode()
                .put("identifier", identifier)
                .put("name", WorkPackageRule.required(project, "name"));
        body.putObject("description").put("raw", project.path("description").asText(""));
        config.parentIdentifierFor(jiraKey).filter(parent -> !parent.equals(identifier)).ifPresent(parent ->
                body.putObject("_links").putObject("parent").put("href", "/api/v3/projects/" + parent));
        return new CommandDraft(CommandKind.PROJECT, CommandAction.UPSERT, event.getJiraId(), project.path("key").asText(), body);
    }

    /** OpenProject identifiers: lower-case letters, digits, '-' and '_', starting with a letter, at most 100. */
    static String identifier(String lowerKey) {
        String cleaned = lowerKey.replaceAll("[^a-z0-9_-]", "-");
        if (cleaned.isEmpty() || !Character.isLetter(cleaned.charAt(0))) {
            cleaned = "p-" + cleaned;
        }
        return cleaned.length() <= IDENTIFIER_MAX ? cleaned : cleaned.substring(0, IDENTIFIER_MAX);
    }
}
