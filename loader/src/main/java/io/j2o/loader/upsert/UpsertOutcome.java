package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.JournalAction;

/**
 * What one command did to OpenProject: the resource it concerns and, when something was written, the journal action
 * with the state before and after.
 *
 * @param action null when nothing needed writing (OpenProject already held the desired state)
 */
public record UpsertOutcome(JournalAction action, long id, String href, Integer lockVersion, JsonNode before, JsonNode after) {

    public boolean wrote() {
        return action != null;
    }

    /** The same outcome recording another lockVersion in the mapping than the one OpenProject holds. */
    UpsertOutcome withLockVersion(Integer value) {
        return new UpsertOutcome(action, id, href, value, before, after);
    }

    static UpsertOutcome unchanged(JsonNode current) {
        return of(null, null, current);
    }

    static UpsertOutcome of(JournalAction action, JsonNode before, JsonNode after) {
        JsonNode lock = after.get("lockVersion");
        return new UpsertOutcome(action, after.path("id").asLong(), after.path("_links").path("self").path("href").asText(),
                lock == null || lock.isNull() ? null : lock.asInt(), before, after);
    }
}
