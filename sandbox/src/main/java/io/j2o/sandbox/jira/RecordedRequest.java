package io.j2o.sandbox.jira;

import java.time.Instant;

/**
 * One request the simulator received, for assertions and for checking clients against the spec; the
 * Authorization header is never kept.
 *
 * @param query the raw query string, or null
 * @param body  the request body as sent (empty for GET)
 */
public record RecordedRequest(String method, String path, String query, String contentType, String body, Instant receivedAt) {
}
