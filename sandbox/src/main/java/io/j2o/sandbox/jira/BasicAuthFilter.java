package io.j2o.sandbox.jira;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Checks {@code Authorization: Basic base64(email:apiToken)} on every request, as Jira Cloud does for API tokens. */
final class BasicAuthFilter {

    static final String UNAUTHENTICATED = "Client must be authenticated to access this resource.";

    private final byte[] expected;

    BasicAuthFilter(String email, String apiToken) {
        this.expected = (email + ":" + apiToken).getBytes(StandardCharsets.UTF_8);
    }

    void check(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6) || !matches(header.substring(6).trim())) {
            ctx.header("WWW-Authenticate", "Basic realm=\"protected-area\"");
            ctx.header("X-Seraph-LoginReason", header == null ? "AUTHENTICATION_DENIED" : "AUTHENTICATED_FAILED");
            throw new JiraApiException(401, UNAUTHENTICATED);
        }
    }

    private boolean matches(String encoded) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
