package io.j2o.sandbox.openproject;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ISO 8601 durations OpenProject accepts for work and spent time. Unlike {@link Duration#parse}, a fraction
 * is allowed on any unit ({@code PT1.5H}), as Ruby's {@code ActiveSupport::Duration.parse} allows it.
 */
final class IsoHours {

    private static final Pattern DURATION = Pattern.compile(
            "P(?:(\\d+(?:\\.\\d+)?)D)?(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?");
    private static final long[] SECONDS_PER_UNIT = {24 * 3600, 3600, 60, 1};

    private IsoHours() {
    }

    /** Empty when {@code text} is no ISO 8601 duration of days, hours, minutes and seconds. */
    static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches() || text.equals("P") || text.endsWith("T")) {
            return Optional.empty();
        }
        BigDecimal seconds = BigDecimal.ZERO;
        for (int unit = 0; unit < SECONDS_PER_UNIT.length; unit++) {
            String amount = matcher.group(unit + 1);
            if (amount != null) {
                seconds = seconds.add(new BigDecimal(amount).multiply(BigDecimal.valueOf(SECONDS_PER_UNIT[unit])));
            }
        }
        return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
    }
}
