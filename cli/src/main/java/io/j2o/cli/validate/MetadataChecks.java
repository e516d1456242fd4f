package io.j2o.cli.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.transformer.rules.MetadataCoverage;
import io.j2o.transformer.rules.MetadataCoverage.Verdict;
import io.j2o.transformer.rules.MetadataCoverage.Vocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Every Jira type, status and priority, matched the way the rules will match it: what is mapped (and how), what
 * would fall back to OpenProject's default (with the mapping entry to add), and overrides that name nothing.
 */
final class MetadataChecks {

    private final JiraClient jira;
    private final String apiPath;
    private final MetadataCoverage coverage;

    MetadataChecks(JiraClient jira, String apiPath, MetadataCoverage coverage) {
        this.jira = jira;
        this.apiPath = apiPath;
        this.coverage = coverage;
    }

    List<PreflightCheck> run() {
        List<PreflightCheck> checks = new ArrayList<>();
        coverage.brokenOverrides().forEach(broken -> checks.add(PreflightCheck.fail("mapping",
                "override names no OpenProject entry: " + broken)));
        checks.addAll(vocabulary(Vocabulary.TYPE, "/issuetype"));
        checks.addAll(vocabulary(Vocabulary.STATUS, "/status"));
        checks.addAll(vocabulary(Vocabulary.PRIORITY, "/priority"));
        return checks;
    }

    private List<PreflightCheck> vocabulary(Vocabulary vocabulary, String path) {
        String area = "mapping." + vocabulary.configKey();
        List<JsonNode> entries;
        try {
            entries = StreamSupport.stream(jira.get(apiPath + path).spliterator(), false).toList();
        } catch (RuntimeException e) {
            return List.of(PreflightCheck.fail(area, "could not read Jira's " + vocabulary.configKey() + " list: " + e.getMessage()));
        }
        return entries.stream()
                .map(entry -> entry.path("name").asText())
                .distinct()
                .map(name -> check(area, coverage.verdict(vocabulary, name, categoryOf(entries, name))))
                .toList();
    }

    /** A status's category key is the rules' last hint before the default; other vocabularies have none. */
    private static String categoryOf(List<JsonNode> entries, String name) {
        return entries.stream().filter(entry -> entry.path("name").asText().equals(name)).findFirst()
                .map(entry -> entry.path("statusCategory").path("key").asText(null)).orElse(null);
    }

    private static PreflightCheck check(String area, Verdict verdict) {
        String mapping = "'" + verdict.jiraName() + "' -> '" + verdict.openProjectName() + "'";
        Optional<String> suggestion = verdict.suggestion();
        if (verdict.byCategoryOnly()) {
            return PreflightCheck.warn(area, mapping + " by its Jira status category only: to be sure, add " + area
                    + ".\"" + verdict.jiraName() + "\": \"" + suggestion.orElse(verdict.openProjectName()) + "\""
                    + suggestion.map(s -> " (closest name)").orElse(""));
        }
        if (!verdict.unmapped()) {
            return PreflightCheck.ok(area, mapping + " (" + verdict.how().toLowerCase().replace('_', ' ') + ")");
        }
        return PreflightCheck.warn(area, mapping + " only because nothing matches it: add " + area + ".\""
                + verdict.jiraName() + "\": \"" + suggestion.orElse("<an OpenProject name>") + "\""
                + suggestion.map(s -> " (closest name)").orElse(""));
    }
}
