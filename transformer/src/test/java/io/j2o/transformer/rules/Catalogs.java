package io.j2o.transformer.rules;

import java.util.List;
import java.util.Map;

/** The smallest OpenProject catalog the rules accept: one type, status and priority, and the given roles. */
final class Catalogs {

    static final CatalogEntry MEMBER = new CatalogEntry("Member", "/api/v3/roles/4", false);

    private Catalogs() {
    }

    static OpenProjectCatalog withRoles(CatalogEntry... roles) {
        return new OpenProjectCatalog(
                List.of(new CatalogEntry("Task", "/api/v3/types/1", true)),
                List.of(new CatalogEntry("New", "/api/v3/statuses/1", true)),
                List.of(new CatalogEntry("Normal", "/api/v3/priorities/8", true)),
                Map.of(),
                List.of(roles));
    }
}
