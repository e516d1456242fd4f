package io.j2o.sandbox.openproject;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on demand: a fixed delay per request, "answer the next N requests under a path with status S", and "answer
 * a share P of the requests with these methods with status S" (seeded, so a run can be repeated).
 */
final class FaultInjector {

    private record Rule(String method, String pathPrefix, int status, AtomicInteger remaining) {
    }

    private record RandomRule(Set<String> methods, int status, double probability) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<RandomRule> randomRules = new CopyOnWriteArrayList<>();
    private final Random random = new Random(20_261_121L);
    private volatile Duration latency;

    FaultInjector(Duration latency) {
        this.latency = latency;
    }

    void latency(Duration latency) {
        this.latency = latency;
    }

    void failNext(String method, String pathPrefix, int times, int status) {
        rules.add(new Rule(method, pathPrefix, status, new AtomicInteger(times)));
    }

    void failRandomly(int status, double probability, Set<String> methods) {
        randomRules.add(new RandomRule(Set.copyOf(methods), status, probability));
    }

    void clear() {
        rules.clear();
        randomRules.clear();
    }

    void delay() throws InterruptedException {
        Duration current = latency;
        if (!current.isZero()) {
            Thread.sleep(current.toMillis());
        }
    }

    /** Consumes one use of the first matching rule, or draws against the random ones, and returns the status. */
    Optional<Integer> take(String method, String path) {
        for (RandomRule rule : randomRules) {
            if ((rule.methods().isEmpty() || rule.methods().contains(method.toUpperCase(Locale.ROOT)))
                    && random.nextDouble() < rule.probability()) {
                return Optional.of(rule.status());
            }
        }
        for (Rule rule : rules) {
            boolean methodMatches = rule.method() == null || rule.method().equalsIgnoreCase(method);
            if (methodMatches && path.startsWith(rule.pathPrefix())
                    && rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (rule.remaining().get() == 0) {
                    rules.remove(rule);
                }
                return Optional.of(rule.status());
            }
        }
        return Optional.empty();
    }

    static ApiError errorFor(int status) {
        return switch (status) {
            case 400 -> ApiError.of(status, "InvalidRequestBody", "The request body was not a single JSON object.");
            case 401 -> ApiError.of(status, "Unauthenticated", "You did not provide the correct credentials.");
            case 403 -> ApiError.of(status, "MissingPermission", "You are not authorized to access this resource.");
            case 404 -> ApiError.notFound();
            case 409 -> ApiError.conflict();
            case 422 -> ApiError.of(status, "PropertyConstraintViolation", "Injected validation failure.");
            case 429 -> ApiError.of(status, "Throttled", "You have reached the request limit for this resource.");
            default -> ApiError.of(status, "InternalServerError",
                    "An internal error has occurred. Injected fault (HTTP " + status + ").");
        };
    }
}
