package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.transformer.rules.CommandDraft;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Each Jira version, and each sprint the issues name (when sprints become versions), must be exactly one OpenProject
 * version of its project's name, with the description, dates and status the rules give it. Run after the projects
 * are indexed.
 */
final class VersionCheck {

    private static final List<String> DATES_AND_STATUS = List.of("startDate", "endDate", "status");

    private VersionCheck() {
    }

    /**
     * Also records each found version's href under {@code version:<jiraId>} ({@code version:sprint-<id>} for a
     * sprint's).
     *
     * @param projectHrefs the hrefs of the migrated projects: only their versions are counted
     */
    static KindReport check(CheckContext context, List<? extends JsonNode> jiraVersions, List<? extends JsonNode> issues,
                            List<? extends JsonNode> openProjectVersions, Set<String> projectHrefs) {
        KindFindings findings = context.findings(ValidationReport.VERSIONS);
        Map<String, Optional<CommandDraft>> expected = new LinkedHashMap<>();
        jiraVersions.forEach(version -> expected.put(version.path("id").asText(),
                context.oracle().map(JiraEntityType.VERSION, version)));
        issues.forEach(issue -> context.oracle().sprintVersions(issue)
                .forEach(sprint -> expected.putIfAbsent(sprint.jiraId(), Optional.of(sprint))));
        expected.forEach((id, draft) -> {
            String key = context.keys().of("version:" + id);
            Optional<String> project = draft.flatMap(d -> context.hrefs().resolve(d.body().path("_links").path("definingProject")));
            List<? extends JsonNode> found = draft.isEmpty() || project.isEmpty() ? List.of() : openProjectVersions.stream()
                    .filter(v -> project.get().equals(v.path("_links").path("definingProject").path("href").asText()))
                    .filter(v -> v.path("name").asText().equals(draft.get().body().path("name").asText()))
                    .toList();
            findings.single(key, found).ifPresent(actual -> {
                context.hrefs().put("version:" + id, HrefIndex.hrefOf(actual));
                JsonNode wanted = draft.get().body();
                findings.expectSame(key, "description", wanted.path("description").path("raw").asText("")
                        .equals(actual.path("description").path("raw").asText("")));
                for (String field : DATES_AND_STATUS) {
                    findings.expectSame(key, field, Objects.equals(wanted.path(field).asText(null), actual.path(field).asText(null)));
                }
            });
        });
        long inMigratedProjects = openProjectVersions.stream()
                .filter(v -> projectHrefs.contains(v.path("_links").path("definingProject").path("href").asText()))
                .count();
        return findings.report((int) inMigratedProjects);
    }
}
