package io.j2o.cli.replay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Where a replay starts: the beginning of each topic, or the first record written at or after a time. */
public record ReplayStart(Optional<Instant> since) {

    public static ReplayStart earliest() {
        return new ReplayStart(Optional.empty());
    }

    /** {@code earliest}, an instant ({@code 2026-11-20T08:00:00Z}), an offset date-time, or a date (midnight UTC). */
    public static ReplayStart parse(String text) {
        String value = text.strip();
        if (value.equalsIgnoreCase("earliest")) {
            return earliest();
        }
        try {
            return new ReplayStart(Optional.of(OffsetDateTime.parse(value).toInstant()));
        } catch (DateTimeParseException notADateTime) {
            try {
                return new ReplayStart(Optional.of(LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)));
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("--from: expected 'earliest', a date (2026-11-20) or a date-time with "
                        + "offset (2026-11-20T08:00:00Z), was '" + text + "'");
            }
        }
    }

    @Override
    public String toString() {
        return since.map(Instant::toString).orElse("earliest");
    }
}
