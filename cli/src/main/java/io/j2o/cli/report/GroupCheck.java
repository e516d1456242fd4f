package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.transformer.rules.CommandDraft;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Each Jira group must be exactly one OpenProject group of the same name (found as the loader finds it, ignoring
 * case) whose members are the migrated users the rules put in it, no more and no fewer. Run after the users are
 * indexed.
 */
final class GroupCheck {

    private GroupCheck() {
    }

    static KindReport check(CheckContext context, List<? extends JsonNode> jiraGroups,
                            List<? extends JsonNode> openProjectGroups) {
        KindFindings findings = context.findings(ValidationReport.GROUPS);
        Set<String> matched = new HashSet<>();
        for (JsonNode group : jiraGroups) {
            String id = JiraIds.group(group);
            String key = context.keys().of("group:" + id);
            Optional<CommandDraft> draft = context.oracle().map(JiraEntityType.GROUP, id, group);
            String name = draft.map(d -> lower(d.body().path("name").asText())).orElse("");
            List<? extends JsonNode> found = openProjectGroups.stream()
                    .filter(candidate -> !name.isEmpty() && lower(candidate.path("name").asText()).equals(name))
                    .toList();
            findings.single(key, found).ifPresent(actual -> {
                matched.add(HrefIndex.hrefOf(actual));
                // What a group principal of a project role's membership must have become.
                context.hrefs().put("group:" + id, HrefIndex.hrefOf(actual));
                Set<String> wanted = new TreeSet<>();
                draft.get().body().path("_links").path("members")
                        .forEach(member -> wanted.add(context.hrefs().resolve(member).orElse("unmigrated user")));
                Set<String> held = new TreeSet<>();
                actual.path("_links").path("members").forEach(member -> held.add(member.path("href").asText()));
                findings.expectSame(key, "members", wanted.equals(held));
            });
        }
        return findings.report(matched.size());
    }

    /** OpenProject group names are unique without regard to case. */
    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
