package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.transformer.resolve.SoftReferences;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.MappingRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares Jira with OpenProject kind by kind: each Jira project, user, group, version and issue, each membership its
 * people need, each comment, worklog, issue link, attachment and watcher must exist exactly once in OpenProject (found
 * the way the loader finds it) and hold what the mapping rules say it should, field by field (custom fields
 * included), every reference resolved to the href of the entity it names.
 */
public final class MigrationValidator {

    private static final List<String> LINKS = List.of("project", "type", "status", "priority", "parent", "assignee",
            "responsible", "version");
    private static final List<String> DURATIONS = List.of("estimatedTime", "remainingTime");

    private final RuleOracle oracle;
    private final String jiraKeyField;

    /** @param flavour the Jira site's: the rules read a Data Center issue's Epic Link and wiki text as such */
    public MigrationValidator(MappingRules rules, String jiraKeyField, JiraFlavour flavour) {
        this.oracle = new RuleOracle(rules, flavour);
        this.jiraKeyField = jiraKeyField;
    }

    /**
     * @param parked  dead letters by readable key ({@link JiraKeys}): such an entity is accounted for (listed with its
     *                reason), not missing
     * @param waiting entities waiting for a reference, by readable key: accounted for too, with what they wait for
     */
    public ValidationReport validate(JiraState jira, OpenProjectState openProject,
                                     Map<String, ValidationReport.Parked> parked, Map<String, ValidationReport.Waiting> waiting) {
        JiraKeys keys = new JiraKeys(jira);
        CheckContext context = new CheckContext(oracle, new HrefIndex(), keys,
                key -> parked.containsKey(key) || waiting.containsKey(key), parked::containsKey);
        List<KindReport> kinds = new ArrayList<>();
        kinds.add(projects(context, jira.projects(), openProject.projects()));
        Set<String> projectHrefs = hrefs(openProject.projects());
        kinds.add(UserCheck.check(context, jira.users(), openProject.users()));
        Set<String> userHrefs = openProject.users().stream().map(HrefIndex::hrefOf)
                .filter(href -> context.hrefs().contains(href)).collect(Collectors.toSet());
        kinds.add(GroupCheck.check(context, jira.groups(), openProject.groups()));
        Set<String> principalHrefs = new HashSet<>(userHrefs);
        openProject.groups().stream().map(HrefIndex::hrefOf).filter(href -> context.hrefs().contains(href))
                .forEach(principalHrefs::add);
        kinds.add(VersionCheck.check(context, jira.versions(), jira.issues(), openProject.versions(), projectHrefs));
        Map<String, List<JsonNode>> workPackagesByKey = indexWorkPackages(context, jira.issues(), openProject.workPackages());
        Set<String> workPackageHrefs = hrefs(openProject.workPackages());
        // Attachments first: a description's inline image reads as the migrated attachment it shows.
        KindReport attachments = AttachmentCheck.check(context, jira.issues(), openProject.attachments(), workPackageHrefs);
        WorkPackageComments comments = new WorkPackageComments(openProject.activities());
        KindFindings commentFindings = context.findings(ValidationReport.COMMENTS);
        kinds.add(workPackages(context, jira.issues(), openProject.workPackages().size(), workPackagesByKey, comments,
                commentFindings));
        kinds.add(commentFindings.report(comments.count()));
        kinds.add(MembershipCheck.check(context, jira, openProject.memberships(), projectHrefs, principalHrefs));
        kinds.add(RelationCheck.check(context, jira.issues(), openProject.relations(), workPackageHrefs));
        kinds.add(TimeEntryCheck.check(context, jira.issues(), openProject.timeEntries(), workPackageHrefs));
        kinds.add(attachments);
        kinds.add(WatcherCheck.check(context, jira.issues(), openProject.watchers(), workPackageHrefs));
        return new ValidationReport(kinds, List.copyOf(parked.values()), List.copyOf(waiting.values()));
    }

    private static Set<String> hrefs(List<? extends JsonNode> entities) {
        return entities.stream().map(HrefIndex::hrefOf).filter(Objects::nonNull).collect(Collectors.toCollection(HashSet::new));
    }

    /** Found by identifier, as the loader finds them; records each found project's href under {@code project:<id>}. */
    private KindReport projects(CheckContext context, List<? extends JsonNode> jiraProjects,
                                List<? extends JsonNode> openProjectProjects) {
        KindFindings findings = context.findings(ValidationReport.PROJECTS);
        for (JsonNode project : jiraProjects) {
            Optional<CommandDraft> draft = oracle.map(JiraEntityType.PROJECT, project);
            String key = project.path("key").asText();
            List<? extends JsonNode> found = draft.isEmpty() ? List.of() : openProjectProjects.stream()
                    .filter(p -> p.path("identifier").asText().equals(draft.get().body().path("identifier").asText()))
                    .toList();
            findings.single(key, found).ifPresent(actual -> {
                context.hrefs().put("project:" + project.path("id").asText(), HrefIndex.hrefOf(actual));
                findings.expectSame(key, "name", actual.path("name").asText().equals(draft.get().body().path("name").asText()));
            });
        }
        return findings.report(openProjectProjects.size());
    }

    /**
     * The work packages by the Jira key custom field, as the loader finds them; records each one found once under
     * {@code issue_key:<KEY>} (what an issue key in text becomes) and, for the issues and those they name as parent
     * or link target, under {@code work_package:<id>}.
     */
    private Map<String, List<JsonNode>> indexWorkPackages(CheckContext context, List<? extends JsonNode> issues,
                                                          List<? extends JsonNode> workPackages) {
        Map<String, List<JsonNode>> byJiraKey = workPackages.stream()
                .filter(wp -> wp.hasNonNull(jiraKeyField))
                .collect(Collectors.groupingBy(wp -> wp.path(jiraKeyField).asText()));
        byJiraKey.forEach((key, found) -> {
            if (found.size() == 1) {
                context.hrefs().put("issue_key:" + key, HrefIndex.hrefOf(found.get(0)));
            }
        });
        // A parent or linked issue is named by id and key, so it is found even when only one issue is validated.
        for (JsonNode issue : issues) {
            List<JsonNode> named = new ArrayList<>(List.of(issue, issue.path("fields").path("parent")));
            issue.path("fields").path("issuelinks").forEach(link -> named.add(link.path("outwardIssue")));
            named.forEach(reference -> {
                List<JsonNode> found = byJiraKey.getOrDefault(reference.path("key").asText(), List.of());
                if (found.size() == 1) {
                    context.hrefs().put("work_package:" + reference.path("id").asText(), HrefIndex.hrefOf(found.get(0)));
                }
            });
        }
        return byJiraKey;
    }

    /** Each issue's work package compared field by field, its comments included (reported under comments). */
    private KindReport workPackages(CheckContext context, List<? extends JsonNode> issues, int workPackageCount,
                                    Map<String, List<JsonNode>> byJiraKey, WorkPackageComments comments,
                                    KindFindings commentFindings) {
        KindFindings findings = context.findings(ValidationReport.WORK_PACKAGES);
        for (JsonNode issue : issues) {
            String key = issue.path("key").asText();
            commentFindings.counted(issue.path("fields").path("comment").path("comments").size());
            findings.single(key, byJiraKey.getOrDefault(key, List.of())).ifPresent(actual -> {
                Optional<CommandDraft> draft = oracle.map(JiraEntityType.ISSUE, issue);
                findings.expectSame(key, "unmappable", draft.isPresent());
                draft.ifPresent(d -> compare(findings, key, SoftReferences.expected(d.body(), context.hrefs()::openProjectIdOf),
                        actual, context.hrefs()));
                commentFindings.expectSame(key, "comments",
                        commentsMatch(issue, HrefIndex.hrefOf(actual), comments, context.hrefs()));
            });
        }
        return findings.report(workPackageCount);
    }

    private void compare(KindFindings findings, String key, ObjectNode expected, JsonNode actual, HrefIndex hrefs) {
        findings.expectSame(key, "subject", expected.path("subject").asText().equals(actual.path("subject").asText()));
        findings.expectSame(key, "description", expected.path("description").path("raw").asText("")
                .equals(actual.path("description").path("raw").asText("")));
        findings.expectSame(key, "dueDate", Objects.equals(expected.path("dueDate").asText(null), actual.path("dueDate").asText(null)));
        for (String duration : DURATIONS) {
            findings.expectSame(key, duration, Durations.same(expected.path(duration), actual.path(duration)));
        }
        for (String link : LINKS) {
            JsonNode wanted = expected.path("_links").path(link);
            // A link the rules leave out is left as OpenProject has it.
            if (!wanted.isMissingNode()) {
                findings.expectSame(key, link, hrefs.linkMatches(wanted, actual.path("_links").path(link)));
            }
        }
        expected.fieldNames().forEachRemaining(field -> {
            if (CustomFieldValues.isCustomField(field) && !field.equals(jiraKeyField)) {
                findings.expectSame(key, field, CustomFieldValues.sameScalar(expected.get(field), actual.path(field)));
            }
        });
        expected.path("_links").fieldNames().forEachRemaining(field -> {
            if (CustomFieldValues.isCustomField(field)) {
                findings.expectSame(key, field, CustomFieldValues.sameLink(expected.path("_links").get(field),
                        actual.path("_links").path(field), hrefs));
            }
        });
    }

    /** Comments the rules cannot map differ by definition; an issue fetched without comments has none to compare. */
    private boolean commentsMatch(JsonNode issue, String workPackageHref, WorkPackageComments comments, HrefIndex hrefs) {
        try {
            return oracle.children(issue, CommandKind.COMMENT)
                    .map(expected -> comments.match(workPackageHref, expected, hrefs::openProjectIdOf))
                    .orElse(true);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
