package io.j2o.cli.report;

import io.j2o.cli.report.ValidationReport.Mismatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.schemas.topics.EntityKeys;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.MappingException;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.richtext.RichTextException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares Jira with OpenProject entity by entity: each Jira project and issue must exist exactly once in
 * OpenProject (found the way the loader finds it) and hold what the mapping rules say it should, field by field,
 * its comments included.
 */
public final class MigrationValidator {

    private static final List<String> LINKS = List.of("project", "type", "status", "priority", "parent");

    private final MappingRules rules;
    private final String jiraKeyField;

    public MigrationValidator(MappingRules rules, String jiraKeyField) {
        this.rules = rules;
        this.jiraKeyField = jiraKeyField;
    }

    /**
     * @param activities every work package's activities (journals), as {@code GET /api/v3/activities/{id}} shows them
     * @param parked     dead letters by Jira key: such an entity is accounted for (listed with its reason), not missing
     * @param waiting    entities waiting for a reference, by Jira key: accounted for too, with what they wait for
     */
    public ValidationReport validate(List<? extends JsonNode> jiraProjects, List<? extends JsonNode> jiraIssues,
                                     List<? extends JsonNode> openProjectProjects, List<? extends JsonNode> workPackages,
                                     List<? extends JsonNode> activities,
                                     Map<String, ValidationReport.Parked> parked, Map<String, ValidationReport.Waiting> waiting) {
        WorkPackageComments comments = new WorkPackageComments(activities);
        int jiraComments = 0;
        List<String> missing = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        List<Mismatch> mismatched = new ArrayList<>();

        Map<String, JsonNode> projectsByIdentifier = openProjectProjects.stream()
                .collect(Collectors.toMap(p -> p.path("identifier").asText(), p -> p, (a, b) -> a));
        Map<String, String> hrefByReference = new HashMap<>();
        for (JsonNode project : jiraProjects) {
            Optional<CommandDraft> draft = expected(JiraEntityType.PROJECT, project);
            String key = project.path("key").asText();
            JsonNode found = draft.map(d -> projectsByIdentifier.get(d.body().path("identifier").asText())).orElse(null);
            if (found == null) {
                if (!parked.containsKey(key) && !waiting.containsKey(key)) {
                    missing.add(key);
                }
                continue;
            }
            hrefByReference.put(EntityKeys.commandKey(CommandKind.PROJECT, project.path("id").asText()),
                    found.path("_links").path("self").path("href").asText());
            if (!found.path("name").asText().equals(draft.get().body().path("name").asText())) {
                mismatched.add(new Mismatch(key, "name"));
            }
        }

        Map<String, List<JsonNode>> workPackagesByJiraKey = workPackages.stream()
                .filter(wp -> wp.hasNonNull(jiraKeyField))
                .collect(Collectors.groupingBy(wp -> wp.path(jiraKeyField).asText()));
        // A parent is named by id and key, so it is found even when only its children are being validated.
        for (JsonNode issue : jiraIssues) {
            List.of(issue, issue.path("fields").path("parent")).forEach(named -> {
                List<JsonNode> found = workPackagesByJiraKey.getOrDefault(named.path("key").asText(), List.of());
                if (found.size() == 1) {
                    hrefByReference.put(EntityKeys.commandKey(CommandKind.WORK_PACKAGE, named.path("id").asText()),
                            found.get(0).path("_links").path("self").path("href").asText());
                }
            });
        }
        for (JsonNode issue : jiraIssues) {
            String key = issue.path("key").asText();
            jiraComments += issue.path("fields").path("comment").path("comments").size();
            List<JsonNode> found = workPackagesByJiraKey.getOrDefault(key, List.of());
            if (found.isEmpty()) {
                if (!parked.containsKey(key) && !waiting.containsKey(key)) {
                    missing.add(key);
                }
            } else if (found.size() > 1) {
                duplicates.add(key);
            } else {
                Optional<CommandDraft> draft = expected(JiraEntityType.ISSUE, issue);
                if (draft.isEmpty()) {
                    mismatched.add(new Mismatch(key, "unmappable"));
                } else {
                    compare(key, draft.get().body(), found.get(0), hrefByReference, mismatched);
                }
                if (commentsDiffer(issue, found.get(0).path("_links").path("self").path("href").asText(), comments)) {
                    mismatched.add(new Mismatch(key, "comments"));
                }
            }
        }
        return new ValidationReport(jiraProjects.size(), jiraIssues.size(), jiraComments, openProjectProjects.size(),
                workPackages.size(), comments.count(), missing, duplicates, mismatched, List.copyOf(parked.values()),
                List.copyOf(waiting.values()));
    }

    /** @param hrefs the OpenProject href of each migrated entity, by the command key its placeholders name */
    private static void compare(String key, ObjectNode expected, JsonNode actual, Map<String, String> hrefs,
                                List<Mismatch> mismatched) {
        if (!expected.path("subject").asText().equals(actual.path("subject").asText())) {
            mismatched.add(new Mismatch(key, "subject"));
        }
        if (!expected.path("description").path("raw").asText("").equals(actual.path("description").path("raw").asText(""))) {
            mismatched.add(new Mismatch(key, "description"));
        }
        for (String link : LINKS) {
            JsonNode wanted = expected.path("_links").path(link);
            // A link the rules leave out (a Data Center Epic Link's parent) is left as OpenProject has it.
            if (!wanted.isMissingNode() && !linkMatches(wanted, actual.path("_links").path(link), hrefs)) {
                mismatched.add(new Mismatch(key, link));
            }
        }
    }

    /** A null href wants no link; a placeholder wants the href of the entity it names, which must have been migrated. */
    private static boolean linkMatches(JsonNode wanted, JsonNode actual, Map<String, String> hrefs) {
        String actualHref = actual.path("href").asText(null);
        if (wanted.path("href").isNull()) {
            return actualHref == null;
        }
        String wantedHref = References.firstUnresolved(wanted).map(hrefs::get).orElse(wanted.path("href").asText());
        return wantedHref != null && wantedHref.equals(actualHref);
    }

    private Optional<CommandDraft> expected(JiraEntityType type, JsonNode payload) {
        try {
            return rules.map(event(type, payload), payload);
        } catch (MappingException | RichTextException e) {
            return Optional.empty();
        }
    }

    /** Comments the rules cannot map differ by definition; an issue fetched without comments has none to compare. */
    private boolean commentsDiffer(JsonNode issue, String workPackageHref, WorkPackageComments comments) {
        try {
            return rules.children(event(JiraEntityType.ISSUE, issue), issue).stream()
                    .filter(children -> children.kind() == CommandKind.COMMENT)
                    .anyMatch(expected -> !comments.match(workPackageHref, expected));
        } catch (MappingException | RichTextException e) {
            return true;
        }
    }

    private static JiraEntityEvent event(JiraEntityType type, JsonNode payload) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(type)
                .setJiraId(payload.path("id").asText())
                .setJiraKey(payload.path("key").asText())
                .setChange(ChangeType.UPSERT)
                .setExtractedAt(Instant.EPOCH)
                .setSource(new JiraSource("validator", JiraFlavour.CLOUD, "3"))
                .setPayload(null)
                .build();
    }
}
