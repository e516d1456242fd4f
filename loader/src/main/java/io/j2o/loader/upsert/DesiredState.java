package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Compares a command body (what we want) with a resource as OpenProject renders it (what is there), so a command
 * whose effect is already in place writes nothing: re-delivery and replays cost reads, not writes.
 */
final class DesiredState {

    private DesiredState() {
    }

    static boolean isSatisfiedBy(JsonNode desired, JsonNode current) {
        for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            boolean same = field.getKey().equals("_links")
                    ? linksMatch(field.getValue(), current.path("_links"))
                    : valueMatches(field.getValue(), current.path(field.getKey()));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean linksMatch(JsonNode desiredLinks, JsonNode currentLinks) {
        for (Iterator<Map.Entry<String, JsonNode>> it = desiredLinks.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> link = it.next();
            String wanted = link.getValue().path("href").asText(null);
            String actual = currentLinks.path(link.getKey()).path("href").asText(null);
            if (wanted == null ? actual != null : !wanted.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Formattable texts are written as {@code {"raw":…}} and rendered with format and html: compare the raw part.
     * Durations are written in hours ({@code PT1.5H}) and rendered in hours and minutes: compare their length.
     */
    private static boolean valueMatches(JsonNode wanted, JsonNode actual) {
        if (wanted.isObject() && wanted.has("raw")) {
            return wanted.path("raw").asText("").equals(actual.path("raw").asText(""));
        }
        if (wanted.isNull()) {
            return actual.isNull() || actual.isMissingNode();
        }
        return wanted.equals(actual) || (wanted.isValueNode() && wanted.asText().equals(actual.asText(null)))
                || (wanted.isTextual() && actual.isTextual() && IsoDuration.sameLength(wanted.asText(), actual.asText()));
    }
}
