package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Each user watching a Jira issue must watch its work package exactly once. A watcher has no identity of its own:
 * it is the pair (work package, user). Run after work packages and users are indexed.
 */
final class WatcherCheck {

    private WatcherCheck() {
    }

    /** @param workPackageHrefs the migrated work packages' hrefs: OpenProject counts the watchers of these */
    static KindReport check(CheckContext context, List<? extends JsonNode> issues, List<? extends JsonNode> watchers,
                            Set<String> workPackageHrefs) {
        KindFindings findings = context.findings(ValidationReport.WATCHERS);
        for (JsonNode issue : issues) {
            Optional<IssueChildren> listed;
            try {
                listed = context.oracle().children(issue, CommandKind.WATCHER);
            } catch (RuntimeException e) {
                findings.expectSame(issue.path("key").asText(), "watchers unmappable", false);
                continue;
            }
            listed.ifPresent(children -> children.upserts().forEach(watcher -> check(context, findings, watcher, watchers)));
        }
        long held = watchers.stream().filter(w -> workPackageHrefs.contains(href(w, "workPackage"))).count();
        return findings.report((int) held);
    }

    private static void check(CheckContext context, KindFindings findings, CommandDraft watcher,
                              List<? extends JsonNode> watchers) {
        String key = context.keys().of("watcher:" + watcher.jiraId());
        JsonNode links = watcher.body().path("_links");
        Optional<String> workPackage = context.hrefs().resolve(links.path("workPackage"));
        Optional<String> user = context.hrefs().resolve(links.path("user"));
        List<? extends JsonNode> found = workPackage.isEmpty() || user.isEmpty() ? List.of() : watchers.stream()
                .filter(w -> workPackage.get().equals(href(w, "workPackage")) && user.get().equals(href(w, "user")))
                .toList();
        findings.single(key, found);
    }

    private static String href(JsonNode watcher, String link) {
        return watcher.path("_links").path(link).path("href").asText("");
    }
}
