package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.transformer.rules.CommandDraft;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every project membership the issues' people need (assignees, reporters, worklog authors) and every one a Jira
 * project role's actors (users and groups) get must exist exactly once per project and principal, as OpenProject
 * keeps it, and hold at least the roles the rules give it from all sources; a member may hold more roles, given in
 * OpenProject. Run after the projects, users and groups are indexed.
 */
final class MembershipCheck {

    /** A role's {@code self}: {@code .../project/<key or id>/role/<roleId>}. */
    private static final Pattern ROLE_SELF = Pattern.compile("/project/([^/]+)/role/(\\d+)$");
    private static final Pattern ROLE_SUFFIX = Pattern.compile("_role_\\d+$");

    private MembershipCheck() {
    }

    /**
     * The id a project role travels under ({@code <projectId>_<roleId>}) with its project's key, read from its
     * {@code self}; empty for a role whose project is not among {@code projects}.
     */
    static Optional<Map.Entry<String, String>> roleIdAndProjectKey(JsonNode role, List<? extends JsonNode> projects) {
        Matcher self = ROLE_SELF.matcher(role.path("self").asText(""));
        if (!self.find()) {
            return Optional.empty();
        }
        String named = self.group(1);
        return projects.stream()
                .filter(p -> p.path("key").asText().equals(named) || p.path("id").asText().equals(named))
                .findFirst()
                .map(p -> Map.entry(p.path("id").asText() + "_" + role.path("id").asText(self.group(2)),
                        p.path("key").asText()));
    }

    /**
     * @param projectHrefs   the migrated projects' hrefs
     * @param principalHrefs the migrated users' and groups' hrefs: OpenProject counts the memberships of these in
     *                       those projects
     */
    static KindReport check(CheckContext context, JiraState jira, List<? extends JsonNode> memberships,
                            Set<String> projectHrefs, Set<String> principalHrefs) {
        List<CommandDraft> drafts = new ArrayList<>();
        // An issue parked as unmappable yields no command at all, its memberships included; one whose work package
        // waits for a reference has its memberships made all the same (they wait for nothing).
        jira.issues().stream().filter(issue -> !context.parked().test(issue.path("key").asText()))
                .forEach(issue -> drafts.addAll(context.oracle().memberships(issue)));
        for (JsonNode role : jira.projectRoles()) {
            roleIdAndProjectKey(role, jira.projects()).ifPresent(id ->
                    drafts.addAll(context.oracle().roleMemberships(id.getKey(), id.getValue(), role)));
        }
        // One membership per project and principal holds the roles of every command naming that pair.
        Map<String, CommandDraft> firstByPair = new LinkedHashMap<>();
        Map<String, Set<String>> rolesByPair = new HashMap<>();
        for (CommandDraft draft : drafts) {
            String pair = ROLE_SUFFIX.matcher(draft.jiraId()).replaceFirst("");
            firstByPair.putIfAbsent(pair, draft);
            draft.body().path("_links").path("roles")
                    .forEach(role -> rolesByPair.computeIfAbsent(pair, p -> new HashSet<>()).add(role.path("href").asText()));
        }
        KindFindings findings = context.findings(ValidationReport.MEMBERSHIPS);
        firstByPair.forEach((pair, membership) -> {
            String key = context.keys().of("membership:" + membership.jiraId());
            JsonNode links = membership.body().path("_links");
            Optional<String> project = context.hrefs().resolve(links.path("project"));
            Optional<String> principal = context.hrefs().resolve(links.path("principal"));
            List<? extends JsonNode> found = project.isEmpty() || principal.isEmpty() ? List.of() : memberships.stream()
                    .filter(m -> project.get().equals(href(m, "project")) && principal.get().equals(href(m, "principal")))
                    .toList();
            findings.single(key, found).ifPresent(actual -> {
                Set<String> held = new HashSet<>();
                actual.path("_links").path("roles").forEach(role -> held.add(role.path("href").asText()));
                findings.expectSame(key, "roles", held.containsAll(rolesByPair.getOrDefault(pair, Set.of())));
            });
        });
        long held = memberships.stream()
                .filter(m -> projectHrefs.contains(href(m, "project")) && principalHrefs.contains(href(m, "principal")))
                .count();
        return findings.report((int) held);
    }

    private static String href(JsonNode membership, String link) {
        return membership.path("_links").path(link).path("href").asText();
    }
}
