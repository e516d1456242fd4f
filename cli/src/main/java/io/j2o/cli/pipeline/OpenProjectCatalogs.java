package io.j2o.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.transformer.rules.CatalogEntry;
import io.j2o.transformer.rules.OpenProjectCatalog;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.WorkPackageCustomField;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the target's types, statuses and priorities, which the mapping rules match Jira names against, and its roles. */
public final class OpenProjectCatalogs {

    private OpenProjectCatalogs() {
    }

    public static OpenProjectCatalog read(OpenProjectClient client, Map<String, Map<String, String>> overrides) {
        return base(client, overrides);
    }

    /**
     * The catalog, with the work-package custom fields when the mapping writes any. OpenProject describes custom
     * fields only in a project's work-package schema (one per type), so at least one project must exist; the fields
     * {@code known} (the demo knows its simulator's) are taken as they are instead.
     */
    public static OpenProjectCatalog read(OpenProjectClient client, Map<String, Map<String, String>> overrides,
                                          MappingConfig mapping, List<WorkPackageCustomField> known) {
        OpenProjectCatalog catalog = base(client, overrides);
        boolean needed = !mapping.customFields().isEmpty() || mapping.labels() != null || mapping.components() != null;
        if (!needed) {
            return catalog;
        }
        return catalog.withCustomFields(known.isEmpty() ? customFields(client, catalog) : known);
    }

    private static List<WorkPackageCustomField> customFields(OpenProjectClient client, OpenProjectCatalog catalog) {
        List<JsonNode> projects = client.elements("/api/v3/projects");
        if (projects.isEmpty()) {
            throw new IllegalArgumentException("mapping.customFields/labels/components: OpenProject describes its custom "
                    + "fields only in a project's work-package schema and has no project yet; create one, or run once "
                    + "without these entries so the projects are migrated first");
        }
        String projectId = projects.get(0).path("id").asText();
        Map<String, WorkPackageCustomField> byName = new LinkedHashMap<>();
        for (CatalogEntry type : catalog.types()) {
            String typeId = type.href().substring(type.href().lastIndexOf('/') + 1);
            client.find("/api/v3/work_packages/schemas/" + projectId + "-" + typeId).ifPresent(schema ->
                    WorkPackageCustomField.fromSchema(schema).forEach(field -> byName.putIfAbsent(field.property(), field)));
        }
        return List.copyOf(byName.values());
    }

    private static OpenProjectCatalog base(OpenProjectClient client, Map<String, Map<String, String>> overrides) {
        return new OpenProjectCatalog(
                entries(client.elements("/api/v3/types")),
                entries(client.elements("/api/v3/statuses")),
                entries(client.elements("/api/v3/priorities")),
                overrides,
                entries(client.elements("/api/v3/roles")));
    }

    private static List<CatalogEntry> entries(List<JsonNode> elements) {
        return elements.stream()
                .map(e -> new CatalogEntry(e.path("name").asText(), e.path("_links").path("self").path("href").asText(),
                        e.path("isDefault").asBoolean(false)))
                .toList();
    }
}
