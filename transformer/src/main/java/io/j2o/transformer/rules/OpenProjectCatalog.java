package io.j2o.transformer.rules;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fixed vocabularies of the target OpenProject (they cannot be created through its API) and the operator's
 * explicit choices of which Jira name goes where; everything else is matched by name.
 *
 * @param overrides per vocabulary ({@code type}, {@code status}, {@code priority}): Jira name → OpenProject name
 * @param roles     OpenProject's roles ({@code GET /api/v3/roles}): name and href {@code /api/v3/roles/<id>}
 */
public record OpenProjectCatalog(
        List<CatalogEntry> types,
        List<CatalogEntry> statuses,
        List<CatalogEntry> priorities,
        Map<String, Map<String, String>> overrides,
        List<CatalogEntry> roles) {

    public OpenProjectCatalog {
        types = List.copyOf(types);
        statuses = List.copyOf(statuses);
        priorities = List.copyOf(priorities);
        overrides = Map.copyOf(overrides);
        roles = List.copyOf(roles);
        if (types.isEmpty() || statuses.isEmpty() || priorities.isEmpty()) {
            throw new IllegalArgumentException("OpenProject catalog needs at least one type, status and priority");
        }
    }

    /** The href of the role named {@code name} (case-insensitive); a missing role is a configuration mistake. */
    String roleHref(String name) {
        return roles.stream().filter(role -> role.name().equalsIgnoreCase(name)).findFirst().map(CatalogEntry::href)
                .orElseThrow(() -> new IllegalArgumentException("mapping.memberRole: OpenProject has no role '" + name
                        + "', it has " + roles.stream().map(CatalogEntry::name).collect(Collectors.joining(", ", "[", "]"))));
    }
}
