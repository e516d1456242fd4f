package io.j2o.sandbox.registry;

import java.util.ArrayList;
import java.util.List;

/** A {@link SchemaStore} that lives as long as the object: for unit tests and throwaway registries. */
final class InMemorySchemaStore implements SchemaStore {

    private final List<RegistryRecord> records = new ArrayList<>();

    @Override
    public synchronized List<RegistryRecord> replay() {
        return List.copyOf(records);
    }

    @Override
    public synchronized void append(RegistryRecord record) {
        records.add(record);
    }

    @Override
    public void close() {
        // Nothing to release; the records stay readable so a new registry over this store sees them.
    }
}
