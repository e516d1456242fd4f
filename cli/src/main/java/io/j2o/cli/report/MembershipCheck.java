package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.transformer.rules.CommandDraft;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every project membership the issues' people need (assignees, reporters, worklog authors) must exist exactly once
 * and hold at least the role the rules give; a member may hold more roles, given in OpenProject. Run after the
 * projects and users are indexed.
 */
final class MembershipCheck {

    private MembershipCheck() {
    }

    /**
     * @param projectHrefs the migrated projects' hrefs
     * @param userHrefs    the migrated users' hrefs: OpenProject counts the memberships of these in those projects
     */
    static KindReport check(CheckContext context, List<? extends JsonNode> issues, List<? extends JsonNode> memberships,
                            Set<String> projectHrefs, Set<String> userHrefs) {
        Map<String, CommandDraft> expected = new LinkedHashMap<>();
        // An issue parked as unmappable yields no command at all, its memberships included; one whose work package
        // waits for a reference has its memberships made all the same (they wait for nothing).
        issues.stream().filter(issue -> !context.parked().test(issue.path("key").asText()))
                .forEach(issue -> context.oracle().memberships(issue).forEach(m -> expected.putIfAbsent(m.jiraId(), m)));
        KindFindings findings = context.findings(ValidationReport.MEMBERSHIPS);
        for (CommandDraft membership : expected.values()) {
            String key = context.keys().of("membership:" + membership.jiraId());
            JsonNode links = membership.body().path("_links");
            Optional<String> project = context.hrefs().resolve(links.path("project"));
            Optional<String> principal = context.hrefs().resolve(links.path("principal"));
            List<? extends JsonNode> found = project.isEmpty() || principal.isEmpty() ? List.of() : memberships.stream()
                    .filter(m -> project.get().equals(href(m, "project")) && principal.get().equals(href(m, "principal")))
                    .toList();
            findings.single(key, found).ifPresent(actual -> {
                Set<String> roles = new HashSet<>();
                actual.path("_links").path("roles").forEach(role -> roles.add(role.path("href").asText()));
                links.path("roles").forEach(role ->
                        findings.expectSame(key, "roles", roles.contains(role.path("href").asText())));
            });
        }
        long held = memberships.stream()
                .filter(m -> projectHrefs.contains(href(m, "project")) && userHrefs.contains(href(m, "principal")))
                .count();
        return findings.report((int) held);
    }

    private static String href(JsonNode membership, String link) {
        return membership.path("_links").path(link).path("href").asText();
    }
}
