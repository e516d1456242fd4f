package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import okhttp3.Credentials;
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
 * exponential backoff and jitter, honouring {@code Retry-After}; everything else fails with a typed exception.
 */
public final class JiraClient {

    private static final Logger LOG = LoggerFactory.getLogger(JiraClient.class);
    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final String authorization;
    private final OkHttpClient http;
    private final Retry retry;

    public JiraClient(String baseUrl, String email, String apiToken, OkHttpClient http, int maxAttempts) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("jira.url is not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.authorization = Credentials.basic(email, apiToken);
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
                .maxAttempts(maxAttempts)
                .intervalBiFunction(honourRetryAfter)
                .retryOnException(e -> e instanceof JiraException je && je.isTransient())
                .build());
        retry.getEventPublisher().onRetry(event -> LOG.warn("Jira call failed, retrying attempt={} waitMs={} error={}",
                event.getNumberOfRetryAttempts(), event.getWaitInterval().toMillis(),
                event.getLastThrowable() == null ? "" : event.getLastThrowable().getMessage()));
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

    /** {@code POST} a search whose answer must carry an {@code issues} array. */
    public JsonNode search(String path, JsonNode body) {
        return call(() -> request(path).post(RequestBody.create(body.toString(), JSON)).build(), JiraErrors::requireSearchPage);
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

    /** Sends with retries; {@code expect} checks the JSON's shape inside the retry, so a malformed answer is retried too. */
    private JsonNode call(Supplier<Request> request, BiFunction<String, JsonNode, JsonNode> expect) {
        return Retry.decorateSupplier(retry, () -> execute(request.get(), expect)).get();
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
