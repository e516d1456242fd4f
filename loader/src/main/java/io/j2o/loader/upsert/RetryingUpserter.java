package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;

/**
 * Retries a whole upsert after a transient failure. Retrying the lookup together with the create is what keeps a
 * create whose answer was lost (the server did create it) from creating a second copy: the next attempt finds it.
 */
final class RetryingUpserter implements Upserter {

    private final Upserter delegate;
    private final Retry retry;

    RetryingUpserter(Upserter delegate, String name, RetryConfig config) {
        this.delegate = delegate;
        this.retry = Retry.of(name, config);
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        return retry.executeSupplier(() -> delegate.upsert(body, known));
    }

    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        return retry.executeSupplier(() -> delegate.delete(jiraKey, body, known));
    }
}
