package io.j2o.transformer.rules;

import java.util.List;
import java.util.Map;

/**
 * The fixed vocabularies of the target OpenProject (they cannot be created through its API) and the operator's
 * explicit choices of which Jira name goes where; everything else is matched by name.
 *
 * @param overrides per vocabulary ({@code type}, {@code status}, {@code priority}): Jira name → OpenProject name
 */
public record OpenProjectCatalog(
        List<CatalogEntry> types,
        List<CatalogEntry> statuses,
        List<CatalogEntry> priorities,
        Map<String, Map<String, String>> overrides) {

    public OpenProjectCatalog {
        types = List.copyOf(types);
        statuses = List.copyOf(statuses);
        priorities = List.copyOf(priorities);
        overrides = Map.copyOf(overrides);
        if (types.isEmpty() || statuses.isEmpty() || priorities.isEmpty()) {
            throw new IllegalArgumentException("OpenProject catalog needs at least one type, status and priority");
        }
    }
}
