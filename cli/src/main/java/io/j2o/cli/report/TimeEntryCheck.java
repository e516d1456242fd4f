package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.transformer.resolve.SoftReferences;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Each Jira worklog must be exactly one OpenProject time entry, found by the worklog marker ending its comment, on
 * its issue's work package, for its author, with the hours, day and comment the rules give. Run after work packages
 * and users are indexed.
 */
final class TimeEntryCheck {

    private TimeEntryCheck() {
    }

    /** @param workPackageHrefs the migrated work packages' hrefs: OpenProject counts the time entries on them */
    static KindReport check(CheckContext context, List<? extends JsonNode> issues, List<? extends JsonNode> timeEntries,
                            Set<String> workPackageHrefs) {
        Map<String, List<JsonNode>> byWorklog = timeEntries.stream()
                .filter(entry -> TextMarker.WORKLOG.idIn(entry.path("comment").path("raw").asText(null)).isPresent())
                .collect(Collectors.groupingBy(entry -> TextMarker.WORKLOG.idIn(entry.path("comment").path("raw").asText()).get()));
        KindFindings findings = context.findings(ValidationReport.TIME_ENTRIES);
        for (JsonNode issue : issues) {
            Optional<IssueChildren> worklogs;
            try {
                worklogs = context.oracle().children(issue, CommandKind.TIME_ENTRY);
            } catch (RuntimeException e) {
                findings.expectSame(issue.path("key").asText(), "worklogs unmappable", false);
                continue;
            }
            worklogs.ifPresent(children -> children.upserts().forEach(worklog ->
                    check(context, findings, worklog, byWorklog.getOrDefault(worklog.jiraId(), List.of()))));
        }
        long held = timeEntries.stream().filter(entry -> workPackageHrefs.contains(workPackageOf(entry))).count();
        return findings.report((int) held);
    }

    private static void check(CheckContext context, KindFindings findings, CommandDraft worklog, List<JsonNode> found) {
        String key = context.keys().of("time_entry:" + worklog.jiraId());
        // Issue keys in the comment read as work package links once those are migrated.
        JsonNode wanted = SoftReferences.expected(worklog.body(), context.hrefs()::openProjectIdOf);
        findings.single(key, found).ifPresent(actual -> {
            findings.expectSame(key, "hours", Durations.same(wanted.path("hours"), actual.path("hours")));
            findings.expectSame(key, "spentOn", Objects.equals(wanted.path("spentOn").asText(null), actual.path("spentOn").asText(null)));
            findings.expectSame(key, "comment", wanted.path("comment").path("raw").asText("")
                    .equals(actual.path("comment").path("raw").asText("")));
            findings.expectSame(key, "workPackage", context.hrefs().resolve(wanted.path("_links").path("workPackage"))
                    .map(href -> href.equals(workPackageOf(actual))).orElse(false));
            JsonNode user = wanted.path("_links").path("user");
            if (!user.isMissingNode()) {
                findings.expectSame(key, "user", context.hrefs().linkMatches(user, actual.path("_links").path("user")));
            }
        });
    }

    /** OpenProject 14+ answers the work package as {@code _links.entity}, older versions as {@code workPackage}. */
    private static String workPackageOf(JsonNode timeEntry) {
        JsonNode links = timeEntry.path("_links");
        return links.path("entity").path("href").asText(links.path("workPackage").path("href").asText(""));
    }
}
