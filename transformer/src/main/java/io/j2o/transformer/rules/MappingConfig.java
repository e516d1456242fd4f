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
 */
public record MappingConfig(
        Map<String, String> userOverrides,
        UnmatchedUsers unmatchedUsers,
        String fallbackLogin,
        Map<String, String> linkTypes,
        String memberRole) {

    /** What becomes of a Jira user that no override names. */
    public enum UnmatchedUsers {
        /** Create the user as invited (the loader reuses an existing user with that login or email). */
        INVITE,
        /** Map every such user to {@code fallbackLogin}. */
        FALLBACK
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
        List<String> problems = new ArrayList<>();
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

    /** Everyone invited, Jira's default link types, the role "Member". */
    public static MappingConfig defaults() {
        return new MappingConfig(Map.of(), UnmatchedUsers.INVITE, null, Map.of(), "Member");
    }

    /** The override login for a Jira user id, or else for the user's email. */
    Optional<String> overrideFor(String jiraUserId, String email) {
        return Optional.ofNullable(userOverrides.get(jiraUserId.toLowerCase(Locale.ROOT)))
                .or(() -> Optional.ofNullable(email).map(e -> userOverrides.get(e.toLowerCase(Locale.ROOT))));
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
    // emails must match whatever case the operator typed.
    private static SortedMap<String, String> lowerKeys(Map<String, String> map) {
        SortedMap<String, String> lowered = new TreeMap<>();
        map.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
        return lowered;
    }
}
