package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Compares a work-package custom field the rules set with what OpenProject holds: numbers by value, formatted text
 * by its raw Markdown, links by the href their placeholder stands for, multi-value links as sets.
 */
final class CustomFieldValues {

    private CustomFieldValues() {
    }

    /** Whether {@code property} is a custom field ({@code customField12}). */
    static boolean isCustomField(String property) {
        return property.matches("customField\\d+");
    }

    /** A plain {@code customFieldN}: null, a number, a boolean, text, or formatted text ({@code {raw}}). */
    static boolean sameScalar(JsonNode wanted, JsonNode actual) {
        if (wanted.isNull() || wanted.isMissingNode()) {
            return actual.isNull() || actual.isMissingNode();
        }
        if (wanted.isObject()) {
            return wanted.path("raw").asText("").equals(actual.path("raw").asText(""));
        }
        if (wanted.isNumber()) {
            return actual.isNumber() && wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (wanted.isBoolean()) {
            return actual.isBoolean() && wanted.booleanValue() == actual.booleanValue();
        }
        return actual.isTextual() && wanted.asText().equals(actual.asText());
    }

    /** A linked {@code _links.customFieldN}: one link object, or an array of them compared as a set. */
    static boolean sameLink(JsonNode wanted, JsonNode actual, HrefIndex hrefs) {
        if (!wanted.isArray()) {
            return hrefs.linkMatches(wanted, actual);
        }
        Set<String> wantedHrefs = new HashSet<>();
        for (JsonNode link : wanted) {
            Optional<String> href = hrefs.resolve(link);
            if (href.isEmpty()) {
                return false;
            }
            wantedHrefs.add(href.get());
        }
        Set<String> actualHrefs = new HashSet<>();
        actual.forEach(link -> actualHrefs.add(link.path("href").asText("")));
        return (actual.isArray() || actual.isMissingNode() || actual.isNull()) && wantedHrefs.equals(actualHrefs);
    }
}
