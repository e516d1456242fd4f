package io.j2o.loader.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * OpenProject API v3 over HTTP: HAL+JSON in and out, API-key basic auth, typed errors, transient ones retried, every
 * request under its host's rate limit and circuit breaker ({@link HostGuard}).
 */
public final class OpenProjectClient {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PAGE_SIZE = 200;

    private final HttpUrl base;
    private final String authorization;
    private final OkHttpClient http;
    private final RetryConfig retryConfig;
    private final Retry retry;
    private final HostGuard guard;

    /** With {@link HostGuard.Limits#defaults()} for the host's rate limit and circuit breaker. */
    public OpenProjectClient(String baseUrl, String apiKey, OkHttpClient http, int maxAttempts) {
        this(baseUrl, apiKey, http, maxAttempts, HostGuard.Limits.defaults());
    }

    public OpenProjectClient(String baseUrl, String apiKey, OkHttpClient http, int maxAttempts, HostGuard.Limits limits) {
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("openproject.url is not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.guard = new HostGuard(parsed.host() + ":" + parsed.port(), limits);
        this.authorization = Credentials.basic("apikey", apiKey);
        this.http = http;
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(maxAttempts)
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(100), 2.0, 0.5, Duration.ofSeconds(10)))
                .retryOnException(e -> e instanceof OpenProjectException ope && ope.isTransient())
                .build();
        this.retry = Retry.of("openproject", retryConfig);
    }

    public static OkHttpClient defaultHttp() {
        return new OkHttpClient.Builder()
                // OkHttp would silently resend a POST whose connection broke after the server acted on it:
                // a duplicate work package. Every retry goes through our own, lookup-first, logic instead.
                .retryOnConnectionFailure(false)
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(60))
                .build();
    }

    /** GET a resource by its API path ({@code /api/v3/...}); empty when it is missing or invisible. */
    public Optional<JsonNode> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (OpenProjectException.NotFound e) {
            return Optional.empty();
        }
    }

    public JsonNode get(String path) {
        return call(() -> request(path).get().build());
    }

    /**
     * Creates, once. A create is not idempotent: when its answer is lost the resource may exist anyway, so it is
     * never retried here; the caller retries the whole find-then-create (see {@code RetryingUpserter}).
     */
    public JsonNode post(String path, JsonNode body) {
        return execute(request(path).post(RequestBody.create(body.toString(), JSON)).build());
    }

    /**
     * Uploads a {@code multipart/form-data} body (an attachment), once: like {@link #post}, a lost answer may hide a
     * created resource, and a streamed body cannot be sent twice; the caller retries the whole find-then-upload.
     */
    public JsonNode upload(String path, RequestBody multipart) {
        return execute(request(path).post(multipart).build());
    }

    /** How this client retries transient failures, for callers that retry a whole operation the same way. */
    public RetryConfig retryConfig() {
        return retryConfig;
    }

    public JsonNode patch(String path, JsonNode body) {
        return call(() -> request(path).patch(RequestBody.create(body.toString(), JSON)).build());
    }

    public void delete(String path) {
        call(() -> request(path).delete().build());
    }

    /**
     * Every element of a paginated collection matching the JSON {@code filters}. The filter array is always sent,
     * even when empty: without it OpenProject silently applies its default filter (open work packages only).
     */
    public List<JsonNode> list(String path, ArrayNode filters) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            String query = "?filters=" + URLEncoder.encode(filters.toString(), StandardCharsets.UTF_8)
                    + "&pageSize=" + PAGE_SIZE + "&offset=" + page;
            JsonNode collection = get(path + query);
            collection.path("_embedded").path("elements").forEach(all::add);
            int total = collection.path("total").asInt(0);
            if (all.size() >= total || collection.path("count").asInt(0) == 0) {
                return all;
            }
        }
    }

    /** Elements of an unpaginated collection such as {@code /api/v3/types}. */
    public List<JsonNode> elements(String path) {
        List<JsonNode> all = new ArrayList<>();
        get(path).path("_embedded").path("elements").forEach(all::add);
        return all;
    }

    /** Elements of an unpaginated collection narrowed by {@code filters}, such as {@code /api/v3/relations}. */
    public List<JsonNode> elements(String path, ArrayNode filters) {
        return elements(path + "?filters=" + URLEncoder.encode(filters.toString(), StandardCharsets.UTF_8));
    }

    /** A one-filter array: {@code [{"<name>":{"operator":"<op>","values":[...]}}]}. */
    public static ArrayNode filter(String name, String operator, String... values) {
        return and(JsonNodeFactory.instance.arrayNode(), name, operator, values);
    }

    /** Adds one more (conjunctive) filter to {@code filters} and returns it. */
    public static ArrayNode and(ArrayNode filters, String name, String operator, String... values) {
        ArrayNode valueArray = filters.addObject().putObject(name).put("operator", operator).putArray("values");
        for (String v : values) {
            valueArray.add(v);
        }
        return filters;
    }

    private Request.Builder request(String path) {
        HttpUrl url = base.resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("not a valid OpenProject path: " + path);
        }
        return new Request.Builder().url(url)
                .header("Authorization", authorization)
                .header("Accept", "application/hal+json");
    }

    private JsonNode call(Supplier<Request> request) {
        return Retry.decorateSupplier(retry, () -> execute(request.get())).get();
    }

    /** The host's rate limiter and circuit breaker. */
    public HostGuard guard() {
        return guard;
    }

    private JsonNode execute(Request request) {
        return guard.call(() -> exchange(request));
    }

    private JsonNode exchange(Request request) {
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (response.isSuccessful()) {
                return text.isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(text);
            }
            throw OpenProjectErrors.classify(request.method() + " " + request.url().encodedPath(), response.code(), text);
        } catch (IOException e) {
            throw new OpenProjectException.Unavailable(request.method() + " " + request.url().encodedPath()
                    + " failed: " + e.getMessage(), e);
        }
    }
}
