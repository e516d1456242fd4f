package io.j2o.sandbox.jira;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a JQL date value into an instant the way Jira does: absolute literals have minute precision and are read in
 * the calling user's time zone; digits alone are epoch milliseconds; {@code -15m}, {@code 2h}, {@code -1d},
 * {@code -1w} are relative to now.
 */
final class JqlDateLiteral {

    private static final List<DateTimeFormatter> DATE_TIMES = List.of(
            DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm"), DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"));
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ofPattern("uuuu/MM/dd"), DateTimeFormatter.ofPattern("uuuu-MM-dd"));
    private static final Pattern RELATIVE = Pattern.compile("([-+]?)(\\d+)([mhdw])");

    private JqlDateLiteral() {
    }

    static Instant parse(String field, String value, ZoneId zone, Instant now) {
        String text = value.trim();
        if (text.equalsIgnoreCase("now()")) {
            return now;
        }
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        Matcher relative = RELATIVE.matcher(text.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            Duration unit = switch (relative.group(3)) {
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            Duration offset = unit.multipliedBy(Long.parseLong(relative.group(2)));
            return relative.group(1).equals("-") ? now.minus(offset) : now.plus(offset);
        }
        for (DateTimeFormatter format : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, format).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format).atStartOfDay(zone).toInstant();
            } catch (DateTimeParseException e) {
                // try the next accepted format
            }
        }
        throw JiraApiException.badRequest("Date value '" + value + "' for field '" + field + "' is invalid. Valid"
                + " formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period"
                + " format e.g. '-5d', '4w 2d'.");
    }
}
