package io.j2o.sandbox.dataset;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/** Jira's timestamp format, {@code 2025-03-04T16:02:11.802+0000}: milliseconds and an offset without a colon. */
public final class JiraDateTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** What captured payloads carry besides Jira's own form: {@code +01:00} or {@code Z}, seconds without millis. */
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    private JiraDateTimes() {
    }

    /** Formats an instant the way Jira Cloud writes it (in UTC). */
    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Parses a Jira timestamp, whatever offset it carries ({@code +0100}, {@code +01:00}, {@code Z}). */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, LENIENT).toInstant();
    }

    /** Like {@link #parse(String)}, but null for null or text that is no timestamp with an offset. */
    public static Instant parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
