package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each Jira issue link must be exactly one OpenProject relation of the type the rules give, from the work package
 * of the issue listing the link's {@code outwardIssue} to that issue's work package. OpenProject may store "A precedes B" as "B follows A": a
 * relation read backwards matches when its {@code reverseType} is the wanted type. Run after work packages are
 * indexed.
 */
final class RelationCheck {

    private RelationCheck() {
    }

    /** @param workPackageHrefs the migrated work packages' hrefs: OpenProject counts the relations that start at one */
    static KindReport check(CheckContext context, List<? extends JsonNode> issues, List<? extends JsonNode> relations,
                            Set<String> workPackageHrefs) {
        KindFindings findings = context.findings(ValidationReport.RELATIONS);
        for (JsonNode issue : issues) {
            Optional<IssueChildren> links;
            try {
                links = context.oracle().children(issue, CommandKind.RELATION);
            } catch (RuntimeException e) {
                findings.expectSame(issue.path("key").asText(), "relations unmappable", false);
                continue;
            }
            links.ifPresent(children -> children.upserts().forEach(link -> check(context, findings, link, relations)));
        }
        long held = relations.stream()
                .filter(r -> workPackageHrefs.contains(href(r, "from")) || workPackageHrefs.contains(href(r, "to")))
                .count();
        return findings.report((int) held);
    }

    private static void check(CheckContext context, KindFindings findings, CommandDraft link,
                              List<? extends JsonNode> relations) {
        String key = context.keys().of("relation:" + link.jiraId());
        JsonNode wanted = link.body();
        Optional<String> from = context.hrefs().resolve(wanted.path("_links").path("from"));
        Optional<String> to = context.hrefs().resolve(wanted.path("_links").path("to"));
        if (from.isEmpty() || to.isEmpty()) {
            findings.single(key, List.of());
            return;
        }
        String type = wanted.path("type").asText();
        List<? extends JsonNode> between = relations.stream()
                .filter(r -> forwards(r, from.get(), to.get()) || forwards(r, to.get(), from.get()))
                .toList();
        List<? extends JsonNode> typed = between.stream()
                .filter(r -> forwards(r, from.get(), to.get()) ? type.equals(r.path("type").asText())
                        : type.equals(r.path("reverseType").asText()))
                .toList();
        if (typed.isEmpty() && !between.isEmpty()) {
            findings.single(key, between).ifPresent(other -> findings.expectSame(key, "type", false));
        } else {
            findings.single(key, typed);
        }
    }

    private static boolean forwards(JsonNode relation, String from, String to) {
        return from.equals(href(relation, "from")) && to.equals(href(relation, "to"));
    }

    private static String href(JsonNode relation, String link) {
        return relation.path("_links").path(link).path("href").asText();
    }
}
