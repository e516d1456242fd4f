package io.j2o.sandbox.jira;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextPageToken}: the offset of the next page, bound to the JQL it was issued for so that a
 * token replayed with another query is refused instead of silently paging the wrong result.
 */
final class SearchPageToken {

    private SearchPageToken() {
    }

    static String encode(int offset, String jql) {
        String plain = "v1:" + offset + ":" + Integer.toHexString(jql.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String token, String jql) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 3 && parts[0].equals("v1") && parts[2].equals(Integer.toHexString(jql.hashCode()))) {
                int offset = Integer.parseInt(parts[1]);
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the refusal below; NumberFormatException is an IllegalArgumentException too
        }
        throw JiraApiException.badRequest("The provided next page token is invalid or expired.");
    }
}
