package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
            if (link.getValue().isArray()) {
                if (!sameHrefs(link.getValue(), currentLinks.path(link.getKey()))) {
                    return false;
                }
                continue;
            }
            String wanted = link.getValue().path("href").asText(null);
            String actual = currentLinks.path(link.getKey()).path("href").asText(null);
            if (wanted == null ? actual != null : !wanted.equals(actual)) {
                return false;
            }
        }
        return true;
    }

    /**
     * A multi-value link (a multi-select, multi-user or multi-version custom field) is an array of hrefs; OpenProject
     * renders it in its own order (options by position), so the same hrefs in any order are the same value. A
     * cleared field renders as an empty array or, in some versions, as {@code {"href":null}}.
     */
    private static boolean sameHrefs(JsonNode wanted, JsonNode actual) {
        return hrefs(wanted).equals(hrefs(actual));
    }

    private static List<String> hrefs(JsonNode links) {
        List<String> hrefs = new ArrayList<>();
        if (links.isArray()) {
            links.forEach(link -> {
                if (link.hasNonNull("href")) {
                    hrefs.add(link.get("href").asText());
                }
            });
        } else if (links.hasNonNull("href")) {
            hrefs.add(links.get("href").asText());
        }
        hrefs.sort(null);
        return hrefs;
    }

    /**
     * Formattable texts are written as {@code {"raw":…}} and rendered with format and html: compare the raw part.
     * Durations are written in hours ({@code PT1.5H}) and rendered in hours and minutes: compare their length.
     * Numbers (integer and float custom fields) compare by value: {@code 5} and {@code 5.0} are the same.
     */
    private static boolean valueMatches(JsonNode wanted, JsonNode actual) {
        if (wanted.isObject() && wanted.has("raw")) {
            return wanted.path("raw").asText("").equals(actual.path("raw").asText(""));
        }
        if (wanted.isNull()) {
            return actual.isNull() || actual.isMissingNode();
        }
        if (wanted.isNumber() && actual.isNumber()) {
            return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        return wanted.equals(actual) || (wanted.isValueNode() && wanted.asText().equals(actual.asText(null)))
                || (wanted.isTextual() && actual.isTextual() && IsoDuration.sameLength(wanted.asText(), actual.asText()));
    }
}
