package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares ISO 8601 durations by length: the rules write decimal hours ({@code PT1.5H}), OpenProject may answer
 * {@code PT1H30M}; {@link Duration#parse} reads the latter but not decimal hours.
 */
final class Durations {

    private static final Pattern DECIMAL_HOURS = Pattern.compile("PT(\\d+(?:\\.\\d+)?)H");

    private Durations() {
    }

    /** Both absent (missing, null or blank), or both of the same length; unreadable values are compared as text. */
    static boolean same(JsonNode expected, JsonNode actual) {
        String wanted = text(expected);
        String found = text(actual);
        if (wanted == null || found == null) {
            return wanted == null && found == null;
        }
        try {
            return parse(wanted).equals(parse(found));
        } catch (DateTimeParseException e) {
            return wanted.equals(found);
        }
    }

    static Duration parse(String text) {
        Matcher hours = DECIMAL_HOURS.matcher(text);
        if (hours.matches()) {
            return Duration.ofSeconds(new BigDecimal(hours.group(1)).multiply(BigDecimal.valueOf(3600)).longValueExact());
        }
        return Duration.parse(text);
    }

    private static String text(JsonNode value) {
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
