package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns a Jira response into data or into the typed exception the extractor acts on. */
final class JiraErrors {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JiraErrors() {
    }

    static JiraException classify(String call, int status, String body, String retryAfter) {
        String message = call + " -> " + status + ": " + describe(body);
        if (status == 401) {
            return new JiraException.Unauthorized(status, message + " (Jira refused the credentials: check jira.email and jira.apiToken)");
        }
        if (status == 403) {
            return new JiraException.Unauthorized(status, message + " (the Jira user lacks a permission, or Jira demands a CAPTCHA after failed logins)");
        }
        if (status == 429 || status >= 500) {
            return new JiraException.Unavailable(status, message, parseRetryAfter(retryAfter));
        }
        return new JiraException.Rejected(status, message);
    }

    /** A proxy or a maintenance page answers 200 with HTML: that is an error, never data. */
    static JsonNode requireJson(String call, int status, String contentType, String body) {
        if (contentType != null && !contentType.contains("json")) {
            throw new JiraException.UnexpectedResponse(status, call + " -> " + status + " answered " + contentType
                    + " instead of JSON: " + abbreviate(body));
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new JiraException.UnexpectedResponse(status, call + " -> " + status + " answered text that is not JSON: " + abbreviate(body));
        }
        if (json == null || json.isMissingNode()) {
            throw new JiraException.UnexpectedResponse(status, call + " -> " + status + " answered an empty body instead of JSON");
        }
        return json;
    }

    /** A search page must carry its {@code issues} array; anything else would silently read as "no more issues". */
    static JsonNode requireSearchPage(String call, JsonNode page) {
        if (!page.path("issues").isArray()) {
            throw new JiraException.UnexpectedResponse(200, call + " answered JSON without an 'issues' array: "
                    + abbreviate(page.toString()));
        }
        return page;
    }

    /**
     * A bulk fetch must carry its {@code issues} array; {@code issueErrors} names issues Jira could not return for a
     * retriable error or a payload constraint, which are not gone: failing the call retries it rather than leave a
     * listed issue unread (issues that are gone or hidden are omitted from both lists, and are not an error).
     */
    static JsonNode requireBulkFetch(String call, JsonNode page) {
        requireSearchPage(call, page);
        JsonNode errors = page.path("issueErrors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new JiraException.Unavailable(200, call + " could not return some issues: " + abbreviate(errors.toString()), null);
        }
        return page;
    }

    /** Jira's error body is {@code {"errorMessages":[…],"errors":{field:message}}}. */
    private static String describe(String body) {
        try {
            JsonNode error = MAPPER.readTree(body);
            List<String> parts = new ArrayList<>();
            error.path("errorMessages").forEach(m -> parts.add(m.asText()));
            error.path("errors").fields().forEachRemaining(f -> parts.add(f.getKey() + ": " + f.getValue().asText()));
            return parts.isEmpty() ? abbreviate(body) : String.join("; ", parts);
        } catch (IOException e) {
            return abbreviate(body);
        }
    }

    private static Duration parseRetryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
