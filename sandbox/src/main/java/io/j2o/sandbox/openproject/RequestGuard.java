package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Authentication and request-body rules that OpenProject's API root applies before any endpoint runs. */
final class RequestGuard {

    /** Thrown instead of an {@link ApiError} for the one non-JSON error OpenProject sends (406 text/plain). */
    static final class MissingContentType extends RuntimeException {
        MissingContentType() {
            super("Missing content-type header", null, false, false);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final byte[] apiKey;

    RequestGuard(String apiKey) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    /** Basic {@code apikey:<token>} or Bearer {@code <token>}; anything else is 401 with a challenge header. */
    void authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (header != null && basic) {
            String decoded = decode(header.substring(6).trim());
            int colon = decoded.indexOf(':');
            if (colon > 0 && decoded.substring(0, colon).equals("apikey") && matches(decoded.substring(colon + 1))) {
                return;
            }
        } else if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && matches(header.substring(7).trim())) {
            return;
        }
        ctx.header("WWW-Authenticate", (basic ? "Basic" : "Bearer") + " realm=\"OpenProject API\"");
        throw ApiError.of(401, "Unauthenticated", "You did not provide the correct credentials.");
    }

    /** The JSON object body of a POST/PATCH, after the Content-Type checks (406, 415) and parsing (400). */
    static JsonNode jsonBody(Context ctx) {
        String contentType = ctx.header("Content-Type");
        if (contentType == null || contentType.isBlank()) {
            throw new MissingContentType();
        }
        String mediaType = contentType.toLowerCase();
        if (!mediaType.startsWith("application/json") && !mediaType.startsWith("application/hal+json")) {
            throw ApiError.of(415, "TypeNotSupported",
                    "Expected CONTENT-TYPE to be (application/json) but got (" + contentType + ").");
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw ApiError.of(400, "InvalidRequestBody", "The request body was not a single JSON object.");
        }
        return body;
    }

    private boolean matches(String token) {
        return MessageDigest.isEqual(apiKey, token.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
