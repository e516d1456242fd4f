package io.j2o.extractor.jira;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Builds the JQL the extractor sends, quoting every value so a project key can never change the query's meaning. */
public final class Jql {

    private static final DateTimeFormatter JQL_MINUTE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    private Jql() {
    }

    /**
     * Issues of one project changed at or after {@code since} (or all of them when null), oldest first. Jira reads
     * JQL dates in the API user's time zone with minute precision, so {@code since} is rounded down to the minute
     * in {@code zone}: the query may re-read a few issues but never misses one.
     */
    public static String issuesUpdatedSince(String projectKey, Instant since, ZoneId zone) {
        StringBuilder jql = new StringBuilder("project = ").append(quote(projectKey));
        if (since != null) {
            jql.append(" AND updated >= ").append(quote(literal(since, zone)));
        }
        return jql.append(" ORDER BY updated ASC, key ASC").toString();
    }

    /**
     * Issues of one project by key ({@code A-9} before {@code A-10}), all of them or those after {@code afterKey}:
     * the keyset by which ids are read page window by window.
     */
    public static String issuesByKey(String projectKey, String afterKey) {
        StringBuilder jql = new StringBuilder("project = ").append(quote(projectKey));
        if (afterKey != null) {
            jql.append(" AND key > ").append(quote(afterKey));
        }
        return jql.append(" ORDER BY key ASC").toString();
    }

    /** Issues of one project updated within the minute starting at {@code minute}, by key, after {@code afterKey}. */
    public static String issuesUpdatedInMinute(String projectKey, Instant minute, ZoneId zone, String afterKey) {
        StringBuilder jql = new StringBuilder("project = ").append(quote(projectKey))
                .append(" AND updated >= ").append(quote(literal(minute, zone)))
                .append(" AND updated < ").append(quote(literal(minute.plus(Duration.ofMinutes(1)), zone)));
        if (afterKey != null) {
            jql.append(" AND key > ").append(quote(afterKey));
        }
        return jql.append(" ORDER BY key ASC").toString();
    }

    /** The start of the minute {@code instant} lies in, as the user's zone counts minutes. */
    public static Instant minuteOf(Instant instant, ZoneId zone) {
        return instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES).toInstant();
    }

    private static String literal(Instant instant, ZoneId zone) {
        return JQL_MINUTE.format(instant.atZone(zone).truncatedTo(ChronoUnit.MINUTES));
    }

    /** A JQL string literal: double quotes, with backslashes and quotes escaped. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
