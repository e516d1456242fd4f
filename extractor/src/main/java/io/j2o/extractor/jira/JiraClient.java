package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jira REST over HTTP with basic auth (Cloud: email + API token; Data Center: username + password or token); what
 * each flavour asks for is in {@link JiraApi}. Throttling and server trouble are retried with
 * exponential backoff and jitter, honouring {@code Retry-After}; everything else fails with a typed exception. A
 * circuit breaker stops calling the host while most calls fail, and an optional rate limit spaces the requests
 * ({@link JiraHttpPolicy}).
 */
public final class JiraClient {

    private static final Logger LOG = LoggerFactory.getLogger(JiraClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final String authorization;
    private final OkHttpClient http;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final RateLimiter limiter;

    /** A client making up to {@code maxAttempts} attempts per request, without a rate limit, with the default breaker. */
    public JiraClient(String baseUrl, String email, String apiToken, OkHttpClient http, int maxAttempts) {
        this(baseUrl, email, apiToken, http, JiraHttpPolicy.of(maxAttempts));
    }

    /** A client signing in with Basic credentials. */
    public JiraClient(String baseUrl, String email, String apiToken, OkHttpClient http, JiraHttpPolicy policy) {
        this(baseUrl, JiraAuth.BASIC, email, apiToken, http, policy);
    }

    /**
     * A client signing in as {@code auth} says: Basic with {@code email} and {@code secret}, or {@code secret} as a
     * Personal Access Token ({@code email} unused).
     */
    public JiraClient(String baseUrl, JiraAuth auth, String email, String secret, OkHttpClient http, JiraHttpPolicy policy) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("jira.url is not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.authorization = auth.header(email, secret);
        this.http = http;
        IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(200), 2.0, 0.5, Duration.ofSeconds(30));
        IntervalBiFunction<Object> honourRetryAfter = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof JiraException.Unavailable unavailable
                    && unavailable.retryAfter().isPresent()) {
                return unavailable.retryAfter().get().toMillis();
            }
            return backoff.apply(attempt);
        };
        this.retry = Retry.of("jira", RetryConfig.custom()
                .maxAttempts(policy.maxAttempts())
                .intervalBiFunction(honourRetryAfter)
                .retryOnException(e -> e instanceof JiraException je && je.isTransient())
                .build());
        retry.getEventPublisher().onRetry(event -> LOG.warn("Jira call failed, retrying attempt={} waitMs={} error={}",
                event.getNumberOfRetryAttempts(), event.getWaitInterval().toMillis(),
                event.getLastThrowable() == null ? "" : event.getLastThrowable().getMessage()));
        this.breaker = CircuitBreaker.of("jira:" + parsed.host(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(JiraHttpPolicy.BREAKER_WINDOW)
                .minimumNumberOfCalls(JiraHttpPolicy.BREAKER_MINIMUM_CALLS)
                .failureRateThreshold(policy.breakerFailureRate())
                .waitDurationInOpenState(policy.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(3)
                // Throttling says the host is busy, not down: Retry-After paces it; only outages count against the host.
                .recordException(e -> e instanceof JiraException je && je.isTransient() && je.status() != 429)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> LOG.warn("Jira circuit breaker changed state host={} transition={}",
                parsed.host(), event.getStateTransition()));
        this.limiter = policy.requestsPerSecond() == 0 ? null : RateLimiter.of("jira:" + parsed.host(), RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(policy.requestSpacing())
                // A limited request waits for its turn rather than fail: the limit paces the pass, it does not end it.
                .timeoutDuration(Duration.ofHours(1))
                .build());
    }

    public static OkHttpClient defaultHttp() {
        // OkHttp would silently repeat a request whose connection dropped; our retry policy counts and paces it instead.
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** {@code GET} a JSON resource, e.g. {@code /rest/api/2/myself}. */
    public JsonNode get(String pathAndQuery) {
        return call(() -> request(pathAndQuery).get().build(), (what, json) -> json);
    }

    /** {@code GET} a JSON resource that may not exist: empty when Jira answers 404 ("does not exist or not permitted"). */
    public Optional<JsonNode> find(String pathAndQuery) {
        try {
            return Optional.of(get(pathAndQuery));
        } catch (JiraException.Rejected e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code POST} a JSON body to a resource that answers JSON, e.g. {@code /rest/api/3/worklog/list}. */
    public JsonNode post(String path, JsonNode body) {
        return call(() -> request(path).post(RequestBody.create(body.toString(), JSON)).build(), (what, json) -> json);
    }

    /** {@code POST} a search whose answer must carry an {@code issues} array. */
    public JsonNode search(String path, JsonNode body) {
        return call(() -> request(path).post(RequestBody.create(body.toString(), JSON)).build(), JiraErrors::requireSearchPage);
    }

    /** {@code POST} an issue bulk fetch, whose answer must carry {@code issues} and no {@code issueErrors}. */
    public JsonNode bulkFetch(String path, JsonNode body) {
        return call(() -> request(path).post(RequestBody.create(body.toString(), JSON)).build(), JiraErrors::requireBulkFetch);
    }

    private Request.Builder request(String pathAndQuery) {
        HttpUrl url = HttpUrl.parse(base.toString().replaceAll("/$", "") + pathAndQuery);
        if (url == null) {
            throw new IllegalArgumentException("not a valid Jira path: " + pathAndQuery);
        }
        return new Request.Builder().url(url)
                .header("Authorization", authorization)
                .header("Accept", "application/json");
    }

    /**
     * Sends with retries, each attempt paced by the rate limit and guarded by the breaker; {@code expect} checks the
     * JSON's shape inside the retry, so a malformed answer is retried too.
     */
    private JsonNode call(Supplier<Request> request, BiFunction<String, JsonNode, JsonNode> expect) {
        Supplier<JsonNode> attempt = () -> execute(request.get(), expect);
        Supplier<JsonNode> paced = limiter == null ? attempt : RateLimiter.decorateSupplier(limiter, attempt);
        Supplier<JsonNode> guarded = CircuitBreaker.decorateSupplier(breaker, paced);
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException e) {
            throw new JiraException.CircuitOpen("Jira at " + base.host() + " kept failing; calls pause for a while: "
                    + e.getMessage(), e);
        }
    }

    /** The breaker's state, e.g. for health checks: CLOSED while the host answers. */
    public CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    private JsonNode execute(Request request, BiFunction<String, JsonNode, JsonNode> expect) {
        String what = request.method() + " " + request.url().encodedPath();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw JiraErrors.classify(what, response.code(), text, response.header("Retry-After"));
            }
            return expect.apply(what, JiraErrors.requireJson(what, response.code(), response.header("Content-Type"), text));
        } catch (IOException e) {
            throw new JiraException.Unavailable(what + " failed: " + e.getMessage(), e);
        }
    }
}
