package io.j2o.extractor.jira;

import java.time.Duration;
import java.util.Optional;

/** A Jira REST error, classified once at the HTTP boundary. */
public class JiraException extends RuntimeException {

    private final int status;

    public JiraException(int status, String message) {
        super(message);
        this.status = status;
    }

    public JiraException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** The HTTP status, or 0 when no usable response arrived. */
    public int status() {
        return status;
    }

    public boolean isTransient() {
        return false;
    }

    /** 401/403: wrong credentials or missing permission. Retrying cannot help; the extractor stops. */
    public static final class Unauthorized extends JiraException {
        public Unauthorized(int status, String message) {
            super(status, message);
        }
    }

    /** 429, 503 and other 5xx, broken connections: try again, after {@code retryAfter} when Jira said so. */
    public static final class Unavailable extends JiraException {
        private final Duration retryAfter;

        public Unavailable(int status, String message, Duration retryAfter) {
            super(status, message);
            this.retryAfter = retryAfter;
        }

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
            this.retryAfter = null;
        }

        public Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /**
     * A 2xx answer that is not the data asked for: an HTML login or maintenance page from a proxy, text that is not
     * JSON, an empty body, or JSON without the expected envelope. Never treated as data; retried like an outage,
     * since it usually is one, then reported.
     */
    public static final class UnexpectedResponse extends JiraException {
        public UnexpectedResponse(int status, String message) {
            super(status, message);
        }

        @Override
        public boolean isTransient() {
            return true;
        }
    }

    /**
     * The circuit breaker of the host is open: its calls kept failing, so none is sent until it had time to recover.
     * Not retried within the pass; the next pass tries again.
     */
    public static final class CircuitOpen extends JiraException {
        public CircuitOpen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** 400 and other client errors: the request itself is wrong (bad JQL, unknown field). */
    public static final class Rejected extends JiraException {
        public Rejected(int status, String message) {
            super(status, message);
        }
    }
}
