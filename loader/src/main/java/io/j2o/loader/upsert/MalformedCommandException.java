package io.j2o.loader.upsert;

/** A command the transformer should never have produced; it is parked, never retried. */
public final class MalformedCommandException extends RuntimeException {

    public MalformedCommandException(String message) {
        super(message);
    }
}
