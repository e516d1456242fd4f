package io.j2o.cli.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.WorkPackageCustomField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Jira fields the mapping names exist in Jira, the OpenProject custom fields it names exist, each pair fits
 * (see {@link FieldCompatibility}), and what is not migrated at all is said: a mistyped field id would otherwise read
 * as "no value" and clear the OpenProject field on every issue.
 */
final class FieldMappingChecks {

    private final JiraClient jira;
    private final String apiPath;
    private final MappingConfig mapping;
    private final Supplier<List<WorkPackageCustomField>> openProjectFields;

    /** @param openProjectFields OpenProject's work-package custom fields, read only when the mapping names some */
    FieldMappingChecks(JiraClient jira, String apiPath, MappingConfig mapping,
                       Supplier<List<WorkPackageCustomField>> openProjectFields) {
        this.jira = jira;
        this.apiPath = apiPath;
        this.mapping = mapping;
        this.openProjectFields = openProjectFields;
    }

    List<PreflightCheck> run() {
        Map<String, String> targets = new LinkedHashMap<>();
        mapping.customFields().forEach((jiraField, property) -> targets.put(jiraField, property));
        List<PreflightCheck> checks = new ArrayList<>();
        if (mapping.labels() != null) {
            targets.put("labels", mapping.labels());
        } else {
            checks.add(notMigrated("mapping.labels", "labels"));
        }
        if (mapping.components() != null) {
            targets.put("components", mapping.components());
        } else {
            checks.add(notMigrated("mapping.components", "components"));
        }
        if (targets.isEmpty()) {
            return checks;
        }
        Map<String, JsonNode> jiraFields = new LinkedHashMap<>();
        try {
            jira.get(apiPath + "/field").forEach(field -> jiraFields.put(field.path("id").asText(), field));
        } catch (RuntimeException e) {
            checks.add(0, PreflightCheck.fail("mapping.customFields", "could not read Jira's field list: " + e.getMessage()));
            return checks;
        }
        List<WorkPackageCustomField> fields;
        try {
            fields = openProjectFields.get();
        } catch (RuntimeException e) {
            checks.add(0, PreflightCheck.warn("mapping.customFields", "OpenProject's custom fields cannot be checked: "
                    + e.getMessage()));
            fields = null;
        }
        List<PreflightCheck> pairs = new ArrayList<>();
        for (Map.Entry<String, String> target : targets.entrySet()) {
            pairs.add(pair(target.getKey(), target.getValue(), jiraFields, fields));
        }
        pairs.addAll(checks);
        return pairs;
    }

    private static PreflightCheck pair(String jiraField, String property, Map<String, JsonNode> jiraFields,
                                       List<WorkPackageCustomField> openProject) {
        String configKey = configKey(jiraField);
        JsonNode field = jiraFields.get(jiraField);
        if (field == null) {
            return PreflightCheck.fail(configKey, "Jira has no field " + jiraField + " (mapped to " + property
                    + "); every issue would clear " + property);
        }
        String label = jiraField + " '" + field.path("name").asText(jiraField) + "' -> " + property;
        if (openProject == null) {
            return PreflightCheck.ok(configKey, label);
        }
        Optional<WorkPackageCustomField> target = openProject.stream().filter(f -> f.property().equals(property)).findFirst();
        if (target.isEmpty()) {
            return PreflightCheck.fail(configKey, "OpenProject has no work-package custom field " + property + " (for "
                    + jiraField + "); it has " + openProject.stream().map(f -> f.property() + " '" + f.name() + "'").toList());
        }
        return FieldCompatibility.check(configKey, label + " '" + target.get().name() + "'", field.path("schema"), target.get());
    }

    private static String configKey(String jiraField) {
        return switch (jiraField) {
            case "labels", "components" -> "mapping." + jiraField;
            default -> "mapping.customFields";
        };
    }

    private static PreflightCheck notMigrated(String area, String what) {
        return PreflightCheck.warn(area, "Jira " + what + " are not migrated: name an OpenProject custom field in " + area);
    }
}
