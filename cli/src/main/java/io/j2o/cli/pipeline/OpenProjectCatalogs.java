package io.j2o.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.transformer.rules.CatalogEntry;
import io.j2o.transformer.rules.OpenProjectCatalog;
import java.util.List;
import java.util.Map;

/** Reads the target's types, statuses and priorities, which the mapping rules match Jira names against, and its roles. */
public final class OpenProjectCatalogs {

    private OpenProjectCatalogs() {
    }

    public static OpenProjectCatalog read(OpenProjectClient client, Map<String, Map<String, String>> overrides) {
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
