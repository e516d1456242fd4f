package io.j2o.transformer.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fixed vocabularies of the target OpenProject (they cannot be created through its API) and the operator's
 * explicit choices of which Jira name goes where; everything else is matched by name.
 *
 * @param overrides per vocabulary ({@code type}, {@code status}, {@code priority}): Jira name → OpenProject name
 * @param roles     OpenProject's roles ({@code GET /api/v3/roles}): name and href {@code /api/v3/roles/<id>}
 * @param customFields the work-package custom fields (from the work-package schemas, see
 *                     {@link WorkPackageCustomField#fromSchema}); one per API name, the first seen wins
 */
public record OpenProjectCatalog(
        List<CatalogEntry> types,
        List<CatalogEntry> statuses,
        List<CatalogEntry> priorities,
        Map<String, Map<String, String>> overrides,
        List<CatalogEntry> roles,
        List<WorkPackageCustomField> customFields) {

    public OpenProjectCatalog {
        Map<String, WorkPackageCustomField> byProperty = new LinkedHashMap<>();
        (customFields == null ? List.<WorkPackageCustomField>of() : customFields)
                .forEach(field -> byProperty.putIfAbsent(field.property(), field));
        customFields = List.copyOf(byProperty.values());
        types = List.copyOf(types);
        statuses = List.copyOf(statuses);
        priorities = List.copyOf(priorities);
        overrides = Map.copyOf(overrides);
        roles = List.copyOf(roles);
        if (types.isEmpty() || statuses.isEmpty() || priorities.isEmpty()) {
            throw new IllegalArgumentException("OpenProject catalog needs at least one type, status and priority");
        }
    }

    /** A catalog without work-package custom fields. */
    public OpenProjectCatalog(List<CatalogEntry> types, List<CatalogEntry> statuses, List<CatalogEntry> priorities,
                              Map<String, Map<String, String>> overrides, List<CatalogEntry> roles) {
        this(types, statuses, priorities, overrides, roles, List.of());
    }

    /** This catalog with these work-package custom fields instead of its own. */
    public OpenProjectCatalog withCustomFields(List<WorkPackageCustomField> fields) {
        return new OpenProjectCatalog(types, statuses, priorities, overrides, roles, fields);
    }

    /** The work-package custom field with this API name ({@code customField3}). */
    Optional<WorkPackageCustomField> customField(String property) {
        return customFields.stream().filter(field -> field.property().equals(property)).findFirst();
    }

    /** The href of the role named {@code name} (case-insensitive); a missing role is a configuration mistake. */
    String roleHref(String name) {
        return roles.stream().filter(role -> role.name().equalsIgnoreCase(name)).findFirst().map(CatalogEntry::href)
                .orElseThrow(() -> new IllegalArgumentException("mapping.memberRole: OpenProject has no role '" + name
                        + "', it has " + roles.stream().map(CatalogEntry::name).collect(Collectors.joining(", ", "[", "]"))));
    }
}
