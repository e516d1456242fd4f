package io.j2o.loader.openproject;

import java.util.Set;

/**
 * An OpenProject API error, classified once at the HTTP boundary: the subclass says what the loader may do about it.
 */
public class OpenProjectException extends RuntimeException {

    private final int status;
    private final String errorIdentifier;

    public OpenProjectException(int status, String errorIdentifier, String message) {
        super(message);
        this.status = status;
        this.errorIdentifier = errorIdentifier;
    }

    public OpenProjectException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorIdentifier = null;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    /** The short error name, e.g. {@code PropertyConstraintViolation}, or null. */
    public String errorIdentifier() {
        return errorIdentifier;
    }

    /** Whether trying again later can succeed (server trouble, throttling, broken connections). */
    public boolean isTransient() {
        return false;
    }

    /** 404: the resource is missing or invisible to the API user. */
    public static final class NotFound extends OpenProjectException {
        public NotFound(String errorIdentifier, String message) {
            super(404, errorIdentifier, message);
        }
    }

    /** 409: a stale or missing {@code lockVersion}; re-read and retry. */
    public static final class Conflict extends OpenProjectException {
        public Conflict(String errorIdentifier, String message) {
            super(409, errorIdentifier, message);
        }
    }

    /** 422 (and 400): the content is refused; retrying the same command cannot succeed. */
    public static final class ValidationFailed extends OpenProjectException {
        private final String attribute;
        private final Set<String> readOnly;

        public ValidationFailed(int status, String errorIdentifier, String message, String attribute) {
            this(status, errorIdentifier, message, attribute, Set.of());
        }

        public ValidationFailed(int status, String errorIdentifier, String message, String attribute,
                Set<String> readOnly) {
            super(status, errorIdentifier, message);
            this.attribute = attribute;
            this.readOnly = Set.copyOf(readOnly);
        }

        /** The properties OpenProject refused as not writable ({@code PropertyIsReadOnly}, alone or among several). */
        public Set<String> readOnly() {
            return readOnly;
        }

        /** The API property at fault ({@code _embedded.details.attribute}), or null. */
        public String attribute() {
            return attribute;
        }
    }

    /** 401 or 403: credentials or permissions are wrong; an operator must act. */
    public static final class Unauthorized extends OpenProjectException {
        public Unauthorized(int status, String errorIdentifier, String message) {
            super(status, errorIdentifier, message);
        }
    }

    /** 429, 5xx or a broken connection: worth another try after a pause. */
    public static final class Unavailable extends OpenProjectException {
        public Unavailable(int status, String errorIdentifier, String message) {
            super(status, errorIdentifier, message);
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }
}
