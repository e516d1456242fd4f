package io.j2o.schemas.registry;

import org.apache.avro.Schema;

/**
 * The part of the Confluent Schema Registry API the serdes and operators need.
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry refuses or cannot be reached.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /**
     * Returns the id of {@code schema} already registered under {@code subject}.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} true (error code 40401 or
     *                                 40403) when the subject or the schema under it is absent
     */
    int lookup(String subject, Schema schema);

    /** The schema with global id {@code id}; error code 40403 when there is none. */
    Schema schemaById(int id);

    /** Whether {@code schema} may be registered under {@code subject} now; true when the subject is new. */
    boolean isCompatible(String subject, Schema schema);

    /** The compatibility level in force for {@code subject}: its own, else the global one. */
    String compatibility(String subject);

    /** Sets the compatibility level of {@code subject}, e.g. {@code BACKWARD}. */
    void setCompatibility(String subject, String level);
}
