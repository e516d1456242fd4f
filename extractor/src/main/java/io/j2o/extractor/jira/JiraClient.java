package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Jira Cloud REST v3 over HTTP with basic auth (email + API token). Throttling and server trouble are retried with
 * exponential backoff and jitter, honouring {@code Retry-After}; everything else fails with a typed exception.
 */
public final class JiraClient {

    private static final Logger LOG = LoggerFactory.getLogger(JiraClient.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int PROJECT_PAGE = 50;

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

    /** The API user, with the time zone in which Jira reads the dates of a JQL query. */
    public JsonNode myself() {
        return call(() -> request("/rest/api/3/myself").get().build());
    }

    /** Every project visible to the API user. */
    public List<JsonNode> projects() {
        List<JsonNode> all = new ArrayList<>();
        for (int startAt = 0; ; startAt += PROJECT_PAGE) {
            int from = startAt;
            JsonNode page = call(() -> request("/rest/api/3/project/search?startAt=" + from + "&maxResults=" + PROJECT_PAGE).get().build());
            page.path("values").forEach(all::add);
            if (page.path("isLast").asBoolean(true) || page.path("values").isEmpty()) {
                return all;
            }
        }
    }

    /** One page of an enhanced JQL search; pass the previous page's token to continue. */
    public JiraSearchPage search(String jql, List<String> fields, int maxResults, String nextPageToken) {
        ObjectNode body = MAPPER.createObjectNode().put("jql", jql).put("maxResults", maxResults);
        fields.forEach(body.putArray("fields")::add);
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
        }
        JsonNode page = call(() -> request("/rest/api/3/search/jql").post(RequestBody.create(body.toString(), JSON)).build(),
                JiraErrors::requireSearchPage);
        List<JsonNode> issues = new ArrayList<>();
        page.path("issues").forEach(issues::add);
        String next = page.path("isLast").asBoolean(false) ? null : page.path("nextPageToken").asText(null);
        return new JiraSearchPage(issues, next);
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

    private JsonNode call(Supplier<Request> request) {
        return call(request, (what, json) -> json);
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
