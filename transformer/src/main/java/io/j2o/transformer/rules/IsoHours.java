package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Jira's durations (whole seconds) as the ISO 8601 hour durations OpenProject's API takes ({@code PT1.5H}).
 * Hours keep four decimals, rounded half up: exact for every multiple of 0.36 s, so for every duration Jira's UI
 * can enter (minutes), and off by at most 0.18 s otherwise ({@code 1 s → PT0.0003H}).
 */
final class IsoHours {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private IsoHours() {
    }

    static String ofSeconds(long seconds) {
        BigDecimal hours = BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 4, RoundingMode.HALF_UP);
        return "PT" + hours.stripTrailingZeros().toPlainString() + "H";
    }

    /** Null for a missing or null field: Jira has no estimate, and OpenProject should have none either. */
    static String ofSecondsField(JsonNode seconds) {
        return seconds.isNumber() ? ofSeconds(seconds.asLong()) : null;
    }
}
