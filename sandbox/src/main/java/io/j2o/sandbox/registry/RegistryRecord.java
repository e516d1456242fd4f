package io.j2o.sandbox.registry;

/** One entry of the registry's log: what the {@code _schemas} topic holds and what a replay rebuilds from. */
sealed interface RegistryRecord permits RegistryRecord.SchemaVersion, RegistryRecord.Compatibility {

    /** Version {@code version} of {@code subject} is the schema with global id {@code id}. */
    record SchemaVersion(String subject, int version, int id, String schema, boolean deleted)
            implements RegistryRecord {
    }

    /**
     * The compatibility level of {@code subject}, or the global one when {@code subject} is null; a null
     * {@code level} clears the subject's own level.
     */
    record Compatibility(String subject, CompatibilityLevel level) implements RegistryRecord {
    }
}
