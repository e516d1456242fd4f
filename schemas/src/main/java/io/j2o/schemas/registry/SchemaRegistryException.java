package io.j2o.schemas.registry;

/**
 * A Schema Registry answer that was not a success, classified by HTTP status and Confluent {@code error_code}.
 *
 * <p>The message never contains credentials: it is built from the method, the path and the registry's own
 * error message only.
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent error code: the subject does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    /** Confluent error code: the version does not exist under the subject. */
    public static final int VERSION_NOT_FOUND = 40402;
    /** Confluent error code: the schema (by id, or under a subject) does not exist. */
    public static final int SCHEMA_NOT_FOUND = 40403;
    /** Confluent error code (and HTTP status): the schema is incompatible with an earlier one. */
    public static final int INCOMPATIBLE_SCHEMA = 409;
    /** Confluent error code: the schema does not parse or its type is unsupported. */
    public static final int INVALID_SCHEMA = 42201;
    /** Confluent error code: the version is neither a positive integer nor {@code latest}. */
    public static final int INVALID_VERSION = 42202;
    /** Confluent error code: the compatibility level is not one of the known levels. */
    public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
    /** Used as {@link #errorCode()} when no HTTP exchange completed (I/O failure, timeout). */
    public static final int NO_RESPONSE = -1;
    /** Used as {@link #errorCode()} when a 2xx answer lacked what the API promises (not a registry, or a bug). */
    public static final int MALFORMED_ANSWER = -2;

    private final int httpStatus;
    private final int errorCode;

    public SchemaRegistryException(int httpStatus, int errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = NO_RESPONSE;
        this.errorCode = NO_RESPONSE;
    }

    /** The HTTP status, or {@link #NO_RESPONSE} when the request never got an answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The Confluent {@code error_code} of the body, or the HTTP status when the body carried none. */
    public int errorCode() {
        return errorCode;
    }

    /** True for 40401, 40402 and 40403: the subject, version or schema asked for does not exist. */
    public boolean isNotFound() {
        return httpStatus == 404;
    }

    public boolean isIncompatible() {
        return httpStatus == 409;
    }

    public boolean isInvalidSchema() {
        return errorCode == INVALID_SCHEMA;
    }

    /** Whether trying again later can succeed: no answer at all, or a server-side (5xx) failure. */
    public boolean isRetriable() {
        return httpStatus == NO_RESPONSE || httpStatus >= 500;
    }
}
