package io.j2o.sandbox.jira;

import java.time.Instant;

/** One request the simulator received, for assertions; the Authorization header is never kept. */
public record RecordedRequest(String method, String path, String query, Instant receivedAt) {
}
