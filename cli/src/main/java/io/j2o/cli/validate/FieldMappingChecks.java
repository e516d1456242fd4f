package io.j2o.cli.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.transformer.rules.MappingConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Jira fields the mapping names exist in Jira, and what is not migrated at all is said: a mistyped field id
 * would otherwise read as "no value" and clear the OpenProject field on every issue.
 */
final class FieldMappingChecks {

    private final JiraClient jira;
    private final String apiPath;
    private final MappingConfig mapping;

    FieldMappingChecks(JiraClient jira, String apiPath, MappingConfig mapping) {
        this.jira = jira;
        this.apiPath = apiPath;
        this.mapping = mapping;
    }

    List<PreflightCheck> run() {
        List<PreflightCheck> checks = new ArrayList<>();
        if (!mapping.customFields().isEmpty()) {
            Set<String> fields = new HashSet<>();
            try {
                jira.get(apiPath + "/field").forEach(field -> fields.add(field.path("id").asText()));
            } catch (RuntimeException e) {
                return List.of(PreflightCheck.fail("mapping.customFields", "could not read Jira's field list: " + e.getMessage()));
            }
            mapping.customFields().forEach((jiraField, openProjectField) -> checks.add(fields.contains(jiraField)
                    ? PreflightCheck.ok("mapping.customFields", jiraField + " -> " + openProjectField)
                    : PreflightCheck.fail("mapping.customFields", "Jira has no field " + jiraField
                            + " (mapped to " + openProjectField + "); every issue would clear " + openProjectField)));
        }
        checks.add(notMigrated("mapping.labels", mapping.labels(), "labels"));
        checks.add(notMigrated("mapping.components", mapping.components(), "components"));
        return checks;
    }

    private static PreflightCheck notMigrated(String area, String openProjectField, String what) {
        return openProjectField == null
                ? PreflightCheck.warn(area, "Jira " + what + " are not migrated: name an OpenProject custom field in " + area)
                : PreflightCheck.ok(area, "Jira " + what + " -> " + openProjectField);
    }
}
