package io.j2o.transformer.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The operator's choices for users, relations and memberships (YAML {@code mapping:}); everything unset has a
 * default, so {@link #defaults()} migrates a site without any configuration. Changing any of it re-emits the
 * commands whose result it changes (the checksum store compares what the rules produce).
 *
 * @param userOverrides  Jira user id (accountId / key) or email → login of an existing OpenProject user; emails
 *                       match case-insensitively
 * @param unmatchedUsers what becomes of a Jira user without an override
 * @param fallbackLogin  login of an existing OpenProject user standing in for users who are not invited; null if none
 * @param linkTypes      Jira link type name (case-insensitive) → OpenProject relation type of the outward direction;
 *                       consulted before the defaults of {@link #relationTypeFor}
 * @param memberRole     name of the OpenProject role that assignees and reporters get in their project
 * @param customFields   Jira field id ({@code customfield_10010}) → OpenProject work-package custom field
 *                       ({@code customField3}); the value is converted to that field's format (see the catalog)
 * @param labels         OpenProject custom field receiving the Jira labels; null: labels are not migrated
 * @param components     OpenProject custom field receiving the Jira components' names; null: not migrated
 * @param projectParents Jira project key (case-insensitive) or {@code *} for every other project → identifier of an
 *                       existing OpenProject project the migrated project goes under; unlisted: top level
 * @param sprints        what becomes of Jira sprints (YAML {@code mapping.sprints}); null means {@link Sprints#VERSION}
 * @param roles          Jira project role name (case-insensitive) → name of the OpenProject role its actors get in the
 *                       project; unlisted: the OpenProject role of the same name, else {@code memberRole}
 */
public record MappingConfig(
        Map<String, String> userOverrides,
        UnmatchedUsers unmatchedUsers,
        String fallbackLogin,
        Map<String, String> linkTypes,
        String memberRole,
        Map<String, String> customFields,
        String labels,
        String components,
        Map<String, String> projectParents,
        Sprints sprints,
        Map<String, String> roles) {

    private static final String CUSTOM_FIELD = "customField\\d+";
    /** OpenProject's classic project identifier ({@code Projects::Identifier}): lower-case, not all digits. */
    private static final String PROJECT_IDENTIFIER = "(?!\\d+$)[a-z0-9_-]{1,100}";
    /** The {@link #projectParents} key for every project without an entry of its own. */
    private static final String EVERY_PROJECT = "*";

    /** What becomes of a Jira user that no override names. */
    public enum UnmatchedUsers {
        /** Create the user as invited (the loader reuses an existing user with that login or email). */
        INVITE,
        /** Map every such user to {@code fallbackLogin}. */
        FALLBACK
    }

    /** What becomes of Jira sprints. */
    public enum Sprints {
        /** Each sprint becomes a version of the project; an issue without a fix version goes into its latest. */
        VERSION,
        /** Sprints are not migrated. */
        IGNORE
    }

    /** OpenProject's relation types, as API v3 names them. */
    public static final Set<String> RELATION_TYPES = Set.of("relates", "duplicates", "duplicated", "blocks", "blocked",
            "precedes", "follows", "includes", "partof", "requires", "required");

    /** Jira's default link type names; see {@link #relationTypeFor} for names not listed. */
    private static final Map<String, String> DEFAULT_LINK_TYPES = Map.of(
            "blocks", "blocks", "cloners", "relates", "duplicate", "duplicates", "relates", "relates");

    public MappingConfig {
        userOverrides = Collections.unmodifiableSortedMap(lowerKeys(userOverrides));
        linkTypes = Collections.unmodifiableSortedMap(lowerKeys(linkTypes));
        if (fallbackLogin != null && fallbackLogin.isBlank()) {
            fallbackLogin = null;
        }
        customFields = Collections.unmodifiableSortedMap(new TreeMap<>(customFields == null ? Map.of() : customFields));
        labels = labels == null || labels.isBlank() ? null : labels.strip();
        components = components == null || components.isBlank() ? null : components.strip();
        projectParents = Collections.unmodifiableSortedMap(lowerKeys(projectParents == null ? Map.of() : projectParents));
        sprints = sprints == null ? Sprints.VERSION : sprints;
        roles = Collections.unmodifiableSortedMap(lowerKeys(roles == null ? Map.of() : roles));
        List<String> problems = new ArrayList<>();
        roles.forEach((jira, role) -> {
            if (role == null || role.isBlank()) {
                problems.add("mapping.roles." + jira + ": must name an OpenProject role, was '" + role + "'");
            }
        });
        projectParents.forEach((jira, parent) -> {
            if (parent == null || !parent.matches(PROJECT_IDENTIFIER)) {
                problems.add("mapping.projects.parent." + jira + ": must be the identifier of an OpenProject project"
                        + " (lower-case letters, digits, '-' and '_'), was '" + parent + "'");
            }
        });
        customFields.forEach((jira, property) -> {
            if (property == null || !property.matches(CUSTOM_FIELD)) {
                problems.add("mapping.customFields." + jira + ": must name an OpenProject custom field as customField<N>, was '"
                        + property + "'");
            }
        });
        if (labels != null && !labels.matches(CUSTOM_FIELD)) {
            problems.add("mapping.labels: must name an OpenProject custom field as customField<N>, was '" + labels + "'");
        }
        if (components != null && !components.matches(CUSTOM_FIELD)) {
            problems.add("mapping.components: must name an OpenProject custom field as customField<N>, was '" + components
                    + "'");
        }
        if (unmatchedUsers == null) {
            problems.add("mapping.users.unmatched: must be invite or fallback, was null");
        }
        if (unmatchedUsers == UnmatchedUsers.FALLBACK && fallbackLogin == null) {
            problems.add("mapping.users.fallbackLogin: must be set when mapping.users.unmatched is fallback");
        }
        userOverrides.forEach((jira, login) -> {
            if (login == null || login.isBlank()) {
                problems.add("mapping.users.overrides." + jira + ": must be an OpenProject login, was '" + login + "'");
            }
        });
        linkTypes.forEach((jira, type) -> {
            if (!RELATION_TYPES.contains(type)) {
                problems.add("mapping.linkTypes." + jira + ": must be one of " + new TreeSet<>(RELATION_TYPES)
                        + ", was '" + type + "'");
            }
        });
        if (memberRole == null || memberRole.isBlank()) {
            problems.add("mapping.memberRole: must name an OpenProject role, was '" + memberRole + "'");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Without custom fields, labels or components: those are not migrated; sprints become versions. */
    public MappingConfig(Map<String, String> userOverrides, UnmatchedUsers unmatchedUsers, String fallbackLogin,
                         Map<String, String> linkTypes, String memberRole) {
        this(userOverrides, unmatchedUsers, fallbackLogin, linkTypes, memberRole, Map.of(), null, null, Map.of(), null, Map.of());
    }

    /**
     * Everyone invited, Jira's default link types, the role "Member", no custom fields, labels or components, sprints
     * as versions.
     */
    public static MappingConfig defaults() {
        return new MappingConfig(Map.of(), UnmatchedUsers.INVITE, null, Map.of(), "Member");
    }

    public MappingConfig withCustomFields(Map<String, String> value) {
        return new MappingConfig(userOverrides, unmatchedUsers, fallbackLogin, linkTypes, memberRole, value, labels,
                components, projectParents, sprints, roles);
    }

    public MappingConfig withLabels(String value) {
        return new MappingConfig(userOverrides, unmatchedUsers, fallbackLogin, linkTypes, memberRole, customFields, value,
                components, projectParents, sprints, roles);
    }

    public MappingConfig withComponents(String value) {
        return new MappingConfig(userOverrides, unmatchedUsers, fallbackLogin, linkTypes, memberRole, customFields, labels,
                value, projectParents, sprints, roles);
    }

    public MappingConfig withProjectParents(Map<String, String> value) {
        return new MappingConfig(userOverrides, unmatchedUsers, fallbackLogin, linkTypes, memberRole, customFields, labels,
                components, value, sprints, roles);
    }

    public MappingConfig withSprints(Sprints value) {
        return new MappingConfig(userOverrides, unmatchedUsers, fallbackLogin, linkTypes, memberRole, customFields, labels,
                components, projectParents, value, roles);
    }

    public MappingConfig withRoles(Map<String, String> value) {
        return new MappingConfig(userOverrides, unmatchedUsers, fallbackLogin, linkTypes, memberRole, customFields, labels,
                components, projectParents, sprints, value);
    }

    /** The OpenProject role name configured for a Jira project role, if any. */
    Optional<String> roleFor(String jiraRoleName) {
        return Optional.ofNullable(roles.get(jiraRoleName.toLowerCase(Locale.ROOT)));
    }

    /** The override login for a Jira user id, or else for the user's email. */
    Optional<String> overrideFor(String jiraUserId, String email) {
        return Optional.ofNullable(userOverrides.get(jiraUserId.toLowerCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(email).map(e -> userOverrides.get(e.toLowerCase(Locale.ROOT))));
    }

    /** The identifier of the OpenProject project a Jira project goes under: its own entry, else {@code *}'s. */
    Optional<String> parentIdentifierFor(String jiraProjectKey) {
        return Optional.ofNullable(projectParents.get(jiraProjectKey.toLowerCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(projectParents.get(EVERY_PROJECT)));
    }

    /**
     * The OpenProject relation type of a Jira link type: configured, else Jira's defaults (Blocks, Cloners,
     * Duplicate, Relates), else precedes for a name about preceding or following, else relates.
     */
    String relationTypeFor(String linkTypeName) {
        String name = linkTypeName == null ? "" : linkTypeName.toLowerCase(Locale.ROOT);
        if (linkTypes.containsKey(name)) {
            return linkTypes.get(name);
        }
        if (DEFAULT_LINK_TYPES.containsKey(name)) {
            return DEFAULT_LINK_TYPES.get(name);
        }
        return name.contains("precede") || name.contains("follow") ? "precedes" : "relates";
    }

    // Jira ids are case-sensitive in principle, but Cloud accountIds and DC keys never differ only by case, and
    // emails and project keys must match whatever case the operator typed.
    private static SortedMap<String, String> lowerKeys(Map<String, String> map) {
        SortedMap<String, String> lowered = new TreeMap<>();
        map.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
        return lowered;
    }
}
