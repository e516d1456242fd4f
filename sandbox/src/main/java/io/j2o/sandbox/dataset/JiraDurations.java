package io.j2o.sandbox.dataset;

import java.util.ArrayList;
import java.util.List;

/** Jira's duration text, {@code 1w 2d 3h 30m}, counted with Jira's default working time: 8-hour days, 5-day weeks. */
final class JiraDurations {

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 8 * HOUR;
    private static final long WEEK = 5 * DAY;

    private JiraDurations() {
    }

    static String format(long seconds) {
        List<String> parts = new ArrayList<>();
        long rest = seconds;
        for (long unit : new long[] {WEEK, DAY, HOUR, MINUTE}) {
            if (rest >= unit) {
                parts.add(rest / unit + suffix(unit));
                rest %= unit;
            }
        }
        return parts.isEmpty() ? "0m" : String.join(" ", parts);
    }

    private static String suffix(long unit) {
        return unit == WEEK ? "w" : unit == DAY ? "d" : unit == HOUR ? "h" : "m";
    }
}
