package io.j2o.sandbox.jira;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Faults on demand for the Jira simulator: latency on every request, the next N requests under a path answered with
 * a rate limit, a server error, an HTML page or a dropped connection, bulk fetches that report an issue in
 * {@code issueErrors}, and a search index that lags behind writes.
 *
 * <p>Thread-safe: tests and the demo change faults while the simulator serves. A method of {@code null} matches
 * every method; a path prefix matches the request path (e.g. {@code /rest/api/3/search}).
 */
public final class JiraFaults {

    /** Who wrote a 5xx body: Jira itself (an {@code ErrorCollection} JSON) or a proxy in front of it (HTML). */
    public enum ErrorBody { JIRA, PROXY }

    static final String RATE_LIMITED = "Rate limit exceeded.";
    /** What a bulk fetch says of an issue it could not return this time (the spec names only "a retriable error"). */
    static final String ISSUE_NOT_RETURNED = "The issue could not be returned because of a temporary error. Try again.";

    private enum Kind { RATE_LIMIT, SERVER_ERROR, HTML_PAGE, DROP_CONNECTION }

    private record Rule(String method, String pathPrefix, AtomicInteger remaining, Kind kind, int status,
            Duration retryAfter, ErrorBody body) {

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod)) && path.startsWith(pathPrefix);
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration searchLag = Duration.ZERO;
    private final AtomicInteger bulkFetchIssueErrors = new AtomicInteger();

    /** Every request waits this long before it is answered. */
    public JiraFaults latency(Duration latency) {
        this.latency = requireNotNegative(latency, "latency");
        return this;
    }

    /** The next {@code times} matching requests get 429 with {@code Retry-After} and {@code X-RateLimit-Reset}. */
    public JiraFaults rateLimit(String method, String pathPrefix, int times, Duration retryAfter) {
        return add(method, pathPrefix, times, Kind.RATE_LIMIT, 429, requireNotNegative(retryAfter, "retryAfter"), ErrorBody.JIRA);
    }

    /** The next {@code times} matching requests get {@code status} (a 5xx) with Jira's or a proxy's body. */
    public JiraFaults serverErrors(String method, String pathPrefix, int times, int status, ErrorBody body) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 5xx, was " + status);
        }
        return add(method, pathPrefix, times, Kind.SERVER_ERROR, status, null, Objects.requireNonNull(body, "body"));
    }

    /** The next {@code times} matching requests get an HTML page (a login or maintenance page) with {@code status}. */
    public JiraFaults htmlPage(String method, String pathPrefix, int times, int status) {
        return add(method, pathPrefix, times, Kind.HTML_PAGE, status, null, ErrorBody.PROXY);
    }

    /** The next {@code times} matching requests see their connection closed without any response. */
    public JiraFaults dropConnection(String method, String pathPrefix, int times) {
        return add(method, pathPrefix, times, Kind.DROP_CONNECTION, 0, null, ErrorBody.PROXY);
    }

    /**
     * The next {@code times} issue bulk fetches answer 200 with the first issue they found (the lowest id) in
     * {@code issueErrors} instead of {@code issues}, as Jira does when a retriable error or a payload constraint
     * keeps it from returning an issue.
     */
    public JiraFaults bulkFetchIssueErrors(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive, was " + times);
        }
        bulkFetchIssueErrors.addAndGet(times);
        return this;
    }

    /** Consumes one pending bulk fetch issue error: true when this bulk fetch must report one. */
    boolean takeBulkFetchIssueError() {
        return bulkFetchIssueErrors.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    /**
     * Makes search eventually consistent: an issue whose {@code updated} lies less than {@code lag} before the
     * simulator's now is missing from search results, while {@code GET /issue/{key}} already shows it.
     */
    public JiraFaults searchLag(Duration lag) {
        this.searchLag = requireNotNegative(lag, "lag");
        return this;
    }

    public Duration searchLag() {
        return searchLag;
    }

    /** Removes every pending fault, the latency and the search lag. */
    public void clear() {
        rules.clear();
        bulkFetchIssueErrors.set(0);
        latency = Duration.ZERO;
        searchLag = Duration.ZERO;
    }

    /** How many injected responses are still to be served, over all rules. */
    public int pending() {
        return rules.stream().mapToInt(rule -> rule.remaining().get()).sum() + bulkFetchIssueErrors.get();
    }

    /**
     * Delays the request, then answers it with the first matching fault, if any.
     *
     * @return true when a fault answered (or dropped) the request and the route must not run
     */
    boolean intercept(Context ctx, Instant now) throws InterruptedException {
        Duration delay = latency;
        if (!delay.isZero()) {
            Thread.sleep(delay.toMillis());
        }
        Rule rule = take(ctx.method().name(), ctx.path());
        if (rule == null) {
            return false;
        }
        switch (rule.kind()) {
            case RATE_LIMIT -> rateLimited(ctx, rule.retryAfter(), now);
            case SERVER_ERROR -> serverError(ctx, rule.status(), rule.body());
            case HTML_PAGE -> html(ctx, rule.status(), "Jira is down for maintenance",
                    "This Jira site is currently undergoing maintenance. Please try again later.");
            case DROP_CONNECTION -> drop(ctx);
        }
        ctx.skipRemainingHandlers();
        return true;
    }

    private JiraFaults add(String method, String pathPrefix, int times, Kind kind, int status, Duration retryAfter,
            ErrorBody body) {
        Objects.requireNonNull(pathPrefix, "pathPrefix");
        if (times < 1) {
            throw new IllegalArgumentException("times must be positive, was " + times);
        }
        rules.add(new Rule(method, pathPrefix, new AtomicInteger(times), kind, status, retryAfter, body));
        return this;
    }

    /** Consumes one use of the first matching rule that has uses left. */
    private Rule take(String method, String path) {
        for (Rule rule : rules) {
            if (rule.matches(method, path) && rule.remaining().getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                if (rule.remaining().get() == 0) {
                    rules.remove(rule);
                }
                return rule;
            }
        }
        return null;
    }

    private static void rateLimited(Context ctx, Duration retryAfter, Instant now) {
        long seconds = (retryAfter.toMillis() + 999) / 1000;
        ctx.header("Retry-After", String.valueOf(seconds));
        ctx.header("X-RateLimit-Reset", now.plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS).toString());
        ctx.header("X-RateLimit-Limit", "100");
        ctx.header("X-RateLimit-Remaining", "0");
        ctx.header("RateLimit-Reason", "jira-burst-based");
        JsonResponses.send(ctx, 429, new JiraApiException(429, RATE_LIMITED).body());
    }

    private static void serverError(Context ctx, int status, ErrorBody body) {
        if (body == ErrorBody.PROXY) {
            String reason = switch (status) {
                case 502 -> "Bad Gateway";
                case 503 -> "Service Temporarily Unavailable";
                case 504 -> "Gateway Time-out";
                default -> "Server Error";
            };
            html(ctx, status, status + " " + reason, "nginx");
            return;
        }
        String message = status == 503 ? "Service Unavailable" : "Internal server error";
        JsonResponses.send(ctx, status, new JiraApiException(status, message).body());
    }

    private static void html(Context ctx, int status, String title, String text) {
        ctx.status(status).contentType("text/html;charset=UTF-8").result("<!DOCTYPE html>\n<html><head><title>" + title
                + "</title></head>\n<body><center><h1>" + title + "</h1></center>\n<hr><center>" + text
                + "</center></body></html>\n");
    }

    /** Closes the socket under the request, so the client reads end-of-stream where a status line should be. */
    private static void drop(Context ctx) {
        ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint().close();
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + duration);
        }
        return duration;
    }

    @Override
    public String toString() {
        return "JiraFaults[latency=" + latency + ", searchLag=" + searchLag + ", pending=" + pending()
                + ", bulkFetchIssueErrors=" + bulkFetchIssueErrors.get() + ", rules="
                + rules.stream().map(rule -> rule.kind().name().toLowerCase(Locale.ROOT) + " " + rule.pathPrefix()).toList()
                + "]";
    }
}
