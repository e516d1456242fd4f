package io.j2o.sandbox.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Writes and reads {@link RegistryRecord}s as the JSON keys and values Confluent's registry keeps in
 * {@code _schemas}, so the topic stays readable by the same tools.
 */
final class RegistryRecordCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryRecordCodec() {
    }

    static String key(RegistryRecord record) {
        ObjectNode key = JSON.createObjectNode();
        if (record instanceof RegistryRecord.SchemaVersion version) {
            key.put("keytype", "SCHEMA").put("subject", version.subject()).put("version", version.version())
                    .put("magic", 1);
        } else if (record instanceof RegistryRecord.Compatibility compatibility) {
            key.put("keytype", "CONFIG").put("subject", compatibility.subject()).put("magic", 0);
        }
        return key.toString();
    }

    /** The value, or null for a tombstone (a cleared subject level). */
    static String value(RegistryRecord record) {
        if (record instanceof RegistryRecord.SchemaVersion version) {
            return JSON.createObjectNode()
                    .put("subject", version.subject())
                    .put("version", version.version())
                    .put("id", version.id())
                    .put("schema", version.schema())
                    .put("deleted", version.deleted())
                    .toString();
        }
        RegistryRecord.Compatibility compatibility = (RegistryRecord.Compatibility) record;
        return compatibility.level() == null ? null
                : JSON.createObjectNode().put("compatibilityLevel", compatibility.level().name()).toString();
    }

    /**
     * The record a key/value pair holds; empty for key types this registry does not use (Confluent's NOOP, MODE,
     * DELETE_SUBJECT …) and for schema tombstones, which only a permanent delete writes and this registry never does.
     */
    static Optional<RegistryRecord> decode(String key, String value) {
        try {
            JsonNode keyNode = JSON.readTree(key);
            String keyType = keyNode.path("keytype").asText();
            String subject = keyNode.path("subject").isTextual() ? keyNode.get("subject").asText() : null;
            if ("CONFIG".equals(keyType)) {
                CompatibilityLevel level = value == null ? null
                        : CompatibilityLevel.parse(JSON.readTree(value).path("compatibilityLevel").asText());
                return Optional.of(new RegistryRecord.Compatibility(subject, level));
            }
            if ("SCHEMA".equals(keyType) && value != null) {
                JsonNode valueNode = JSON.readTree(value);
                return Optional.of(new RegistryRecord.SchemaVersion(valueNode.get("subject").asText(),
                        valueNode.get("version").asInt(), valueNode.get("id").asInt(),
                        valueNode.get("schema").asText(), valueNode.path("deleted").asBoolean(false)));
            }
            return Optional.empty();
        } catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalStateException("unreadable _schemas record with key " + key + ": " + e, e);
        }
    }
}
