package io.j2o.sandbox.jira;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Checks {@code Authorization: Basic base64(email:apiToken)} on every request, as Jira Cloud does for API tokens; a
 * Data Center server also takes {@code Bearer <apiToken>}, the simulated user's token doubling as its Personal
 * Access Token.
 */
final class BasicAuthFilter {

    static final String UNAUTHENTICATED = "Client must be authenticated to access this resource.";

    private final byte[] expected;
    /** The Personal Access Token a Bearer header must carry, or null where Bearer is not accepted (Cloud). */
    private final byte[] personalAccessToken;

    BasicAuthFilter(String email, String apiToken, boolean acceptsPersonalAccessToken) {
        this.expected = (email + ":" + apiToken).getBytes(StandardCharsets.UTF_8);
        this.personalAccessToken = acceptsPersonalAccessToken ? apiToken.getBytes(StandardCharsets.UTF_8) : null;
    }

    void check(Context ctx) {
        String header = ctx.header("Authorization");
        boolean bearer = header != null && personalAccessToken != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(personalAccessToken, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6) && matches(header.substring(6).trim());
        if (!bearer && !basic) {
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
