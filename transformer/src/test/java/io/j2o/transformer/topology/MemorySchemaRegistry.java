package io.j2o.transformer.topology;

import io.j2o.schemas.registry.SchemaRegistryClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** A registry in memory for topology tests: one id per distinct schema, no compatibility rules. */
final class MemorySchemaRegistry implements SchemaRegistryClient {

    private final List<Schema> byId = new ArrayList<>();
    private final Map<Schema, Integer> ids = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        return ids.computeIfAbsent(schema, s -> {
            byId.add(s);
            return byId.size();
        });
    }

    @Override
    public synchronized int lookup(String subject, Schema schema) {
        return register(subject, schema);
    }

    @Override
    public synchronized Schema schemaById(int id) {
        return byId.get(id - 1);
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        return true;
    }

    @Override
    public String compatibility(String subject) {
        return "NONE";
    }

    @Override
    public void setCompatibility(String subject, String level) {
    }
}
