package io.j2o.extractor.jira;

import java.time.Duration;

/**
 * How {@link JiraClient} treats a Jira host: attempts per request, a request-rate limit, and the circuit breaker
 * that stops calling a host whose calls keep failing (outages, not throttling) until it has had time to recover.
 *
 * @param maxAttempts        attempts per request, the first included
 * @param requestsPerSecond  at most this many requests a second, evenly spaced; 0 means no limit
 * @param breakerFailureRate the percentage of failed calls among the last {@link #BREAKER_WINDOW} that opens the breaker
 * @param breakerOpenFor     how long an open breaker refuses calls before a few probe whether the host is back
 */
public record JiraHttpPolicy(int maxAttempts, double requestsPerSecond, int breakerFailureRate, Duration breakerOpenFor) {

    /** The calls the breaker judges the host by. */
    public static final int BREAKER_WINDOW = 50;
    /** The breaker judges nothing before this many calls, so a short burst of errors never opens it. */
    public static final int BREAKER_MINIMUM_CALLS = 20;
    public static final int DEFAULT_BREAKER_FAILURE_RATE = 50;
    public static final Duration DEFAULT_BREAKER_OPEN_FOR = Duration.ofSeconds(30);

    public JiraHttpPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be positive, was " + maxAttempts);
        }
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be 0 (no limit) or positive, was " + requestsPerSecond);
        }
        if (breakerFailureRate < 1 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breakerFailureRate must be 1..100 (percent), was " + breakerFailureRate);
        }
        if (breakerOpenFor == null || breakerOpenFor.isNegative() || breakerOpenFor.isZero()) {
            throw new IllegalArgumentException("breakerOpenFor must be positive, was " + breakerOpenFor);
        }
    }

    /** {@code maxAttempts} attempts, no rate limit, the default breaker. */
    public static JiraHttpPolicy of(int maxAttempts) {
        return new JiraHttpPolicy(maxAttempts, 0, DEFAULT_BREAKER_FAILURE_RATE, DEFAULT_BREAKER_OPEN_FOR);
    }

    public JiraHttpPolicy withRequestsPerSecond(double requestsPerSecond) {
        return new JiraHttpPolicy(maxAttempts, requestsPerSecond, breakerFailureRate, breakerOpenFor);
    }

    public JiraHttpPolicy withBreaker(int failureRate, Duration openFor) {
        return new JiraHttpPolicy(maxAttempts, requestsPerSecond, failureRate, openFor);
    }

    /** The spacing between two requests under the rate limit. */
    Duration requestSpacing() {
        return Duration.ofNanos(Math.max(1, Math.round(1_000_000_000d / requestsPerSecond)));
    }
}
