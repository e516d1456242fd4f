package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.JournalAction;
import java.util.List;
import java.util.Map;

/**
 * What one command did to OpenProject: the resource it concerns and, when something was written, the journal action
 * with the state before and after.
 *
 * @param action         null when nothing needed writing (OpenProject already held the desired state)
 * @param fieldChecksums for the mapping: what we wrote per field ({@link WrittenFields}); null for kinds without
 * @param keptFields     fields the command would have changed but left as edited in OpenProject; empty when none
 */
public record UpsertOutcome(JournalAction action, long id, String href, Integer lockVersion, JsonNode before,
        JsonNode after, Map<String, String> fieldChecksums, List<String> keptFields) {

    public UpsertOutcome {
        fieldChecksums = fieldChecksums == null ? null : Map.copyOf(fieldChecksums);
        keptFields = keptFields == null ? List.of() : List.copyOf(keptFields);
    }

    public boolean wrote() {
        return action != null;
    }

    /** The same outcome recording another lockVersion in the mapping than the one OpenProject holds. */
    UpsertOutcome withLockVersion(Integer value) {
        return new UpsertOutcome(action, id, href, value, before, after, fieldChecksums, keptFields);
    }

    /** The same outcome with what we wrote per field, and the fields left as edited in OpenProject. */
    UpsertOutcome withFields(Map<String, String> checksums, List<String> kept) {
        return new UpsertOutcome(action, id, href, lockVersion, before, after, checksums, kept);
    }

    static UpsertOutcome unchanged(JsonNode current) {
        return of(null, null, current);
    }

    static UpsertOutcome of(JournalAction action, JsonNode before, JsonNode after) {
        JsonNode lock = after.get("lockVersion");
        return new UpsertOutcome(action, after.path("id").asLong(), after.path("_links").path("self").path("href").asText(),
                lock == null || lock.isNull() ? null : lock.asInt(), before, after, null, List.of());
    }
}
