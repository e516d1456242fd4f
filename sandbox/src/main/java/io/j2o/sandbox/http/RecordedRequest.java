package io.j2o.sandbox.http;

import java.time.Instant;

/**
 * One exchange a simulator served, for assertions and for checking clients against the real specs; the
 * Authorization header is never kept.
 *
 * @param query        the raw query string, or null
 * @param body         the request body as sent (empty for GET)
 * @param status       the status answered, 0 where it was not recorded
 * @param responseBody the body answered, empty where it was not recorded
 */
public record RecordedRequest(String method, String path, String query, String contentType, String body, Instant receivedAt,
                              int status, String responseBody) {
}
