package io.j2o.loader.upsert;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares durations as OpenProject means them: we write {@code PT1.5H}, it answers {@code PT1H30M}. Java's
 * {@link Duration#parse} refuses a fraction of an hour, so the units are read here.
 */
final class IsoDuration {

    private static final Pattern UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)([DHMS])");
    private static final Pattern SHAPE = Pattern.compile("P(\\d+(\\.\\d+)?D)?(T(\\d+(\\.\\d+)?[HMS])+)?");

    private IsoDuration() {
    }

    static Optional<Duration> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches() || text.length() < 3) {
            return Optional.empty();
        }
        BigDecimal seconds = BigDecimal.ZERO;
        Matcher unit = UNIT.matcher(text);
        while (unit.find()) {
            long factor = switch (unit.group(2)) {
                case "D" -> 86_400;
                case "H" -> 3_600;
                case "M" -> 60;
                default -> 1;
            };
            seconds = seconds.add(new BigDecimal(unit.group(1)).multiply(BigDecimal.valueOf(factor)));
        }
        return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
    }

    /** Whether both texts are durations of the same length, whole seconds apart at most (OpenProject rounds). */
    static boolean sameLength(String a, String b) {
        Optional<Duration> left = parse(a);
        Optional<Duration> right = parse(b);
        return left.isPresent() && right.isPresent() && left.get().minus(right.get()).abs().toMillis() < 1000;
    }
}
