package io.j2o.sandbox.dataset;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Jira's timestamp format, {@code 2025-03-04T16:02:11.802+0000}: milliseconds and an offset without a colon. */
public final class JiraDateTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private JiraDateTimes() {
    }

    /** Formats an instant the way Jira Cloud writes it (in UTC). */
    public static String format(Instant instant) {
        return FORMAT.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Parses a Jira timestamp, whatever offset it carries. */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, FORMAT).toInstant();
    }
}
