package io.j2o.loader.openproject;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Protects one OpenProject host from the loader: a rate limiter keeps every loader thread together under a request
 * rate, and a circuit breaker stops calling a host that keeps failing (5xx, 429, broken connections) so it can
 * recover instead of being hammered by retries. Refusals surface as {@link OpenProjectException.Unavailable}, the
 * transient failure the loader already knows how to wait out.
 */
public final class HostGuard {

    /**
     * @param requestsPerSecond  requests the loader may send the host per second, all threads together; 0: no limit
     * @param failureRatePercent share of recent calls failing transiently that opens the circuit
     * @param openFor            how long an open circuit refuses calls before letting a few probe the host
     */
    public record Limits(int requestsPerSecond, float failureRatePercent, Duration openFor) {

        public Limits {
            if (requestsPerSecond < 0) {
                throw new IllegalArgumentException("requestsPerSecond must be >= 0, was " + requestsPerSecond);
            }
            if (failureRatePercent <= 0 || failureRatePercent > 100) {
                throw new IllegalArgumentException("failureRatePercent must be in (0, 100], was " + failureRatePercent);
            }
        }

        /**
         * No rate limit (what an OpenProject server bears differs too much to guess one; the operator sets it); the
         * circuit opens when half of the last 20 calls failed, for 10 seconds.
         */
        public static Limits defaults() {
            return withRequestsPerSecond(0);
        }

        public static Limits withRequestsPerSecond(int requestsPerSecond) {
            return new Limits(requestsPerSecond, 50, Duration.ofSeconds(10));
        }
    }

    private static final int WINDOW_CALLS = 20;

    private final String host;
    private final CircuitBreaker breaker;
    private final Optional<RateLimiter> limiter;

    public HostGuard(String host, Limits limits) {
        this.host = host;
        this.breaker = CircuitBreaker.of("openproject:" + host, CircuitBreakerConfig.custom()
                .slidingWindowSize(WINDOW_CALLS)
                .minimumNumberOfCalls(WINDOW_CALLS / 2)
                .failureRateThreshold(limits.failureRatePercent())
                .waitDurationInOpenState(limits.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                // A 404 or 422 says something about the command, not about the host's health.
                .recordException(e -> e instanceof OpenProjectException ope && ope.isTransient())
                .build());
        this.limiter = limits.requestsPerSecond() == 0 ? Optional.empty()
                : Optional.of(RateLimiter.of("openproject:" + host, RateLimiterConfig.custom()
                        .limitForPeriod(limits.requestsPerSecond())
                        .limitRefreshPeriod(Duration.ofSeconds(1))
                        // Waiting for a permit is the point; a minute without one means the loader is badly over-subscribed.
                        .timeoutDuration(Duration.ofMinutes(1))
                        .build()));
    }

    /** Runs one HTTP exchange with the host under the rate limit and the circuit breaker. */
    <T> T call(Supplier<T> exchange) {
        try {
            Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, exchange);
            return limiter.map(rate -> RateLimiter.decorateSupplier(rate, guarded)).orElse(guarded).get();
        } catch (CallNotPermittedException e) {
            throw new OpenProjectException.Unavailable(503, "CircuitOpen", "OpenProject at " + host
                    + " failed too often recently; calls paused for a while (circuit breaker open)");
        } catch (RequestNotPermitted e) {
            throw new OpenProjectException.Unavailable(429, "RateLimited", "no request permit for OpenProject at " + host
                    + " within a minute (loader rate limit)");
        }
    }

    /** CLOSED, OPEN or HALF_OPEN, for health reports and tests. */
    public String circuitState() {
        return breaker.getState().name();
    }
}
