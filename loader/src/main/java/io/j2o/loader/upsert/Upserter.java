package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;

/** Makes one kind of OpenProject resource match a command body, finding an existing one before creating. */
public interface Upserter {

    /**
     * @param body  the command body, every href resolved
     * @param known the mapping the loader already holds for this command key, if any
     */
    UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known);

    /**
     * Deletes the resource if it exists; empty when there was nothing to delete.
     *
     * @param body the DELETE command's body: null for most kinds, while a comment's names its work package and marker
     */
    Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known);
}
