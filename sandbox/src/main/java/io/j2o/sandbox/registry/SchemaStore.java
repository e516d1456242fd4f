package io.j2o.sandbox.registry;

import java.util.List;

/** The registry's durable log: every change is appended before it is answered, and a start replays them all. */
interface SchemaStore extends AutoCloseable {

    /** Every record appended so far, oldest first. */
    List<RegistryRecord> replay();

    /** Appends {@code record} and returns once it is durable; throws if it is not. */
    void append(RegistryRecord record);

    @Override
    void close();
}
