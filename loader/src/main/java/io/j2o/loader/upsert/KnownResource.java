package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;

/** The resource a mapping names, as OpenProject holds it now: the first and cheapest lookup of every upserter. */
final class KnownResource {

    private KnownResource() {
    }

    /** Empty without a mapping, or when the mapped resource is gone. */
    static Optional<JsonNode> find(OpenProjectClient client, Optional<Mapping> known) {
        return known.flatMap(mapping -> client.find(mapping.getHref()));
    }

    /**
     * Deletes the mapped resource, the only one the pipeline can be sure it wrote; for kinds where a lookup by name
     * could find someone else's resource (projects, versions, memberships).
     */
    static Optional<UpsertOutcome> delete(OpenProjectClient client, Optional<Mapping> known) {
        return find(client, known).map(current -> {
            client.delete(HalLinks.self(current));
            return UpsertOutcome.of(JournalAction.DELETED, current, current);
        });
    }
}
