package io.j2o.extractor.jira;

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
            jql.append(" AND updated >= ").append(quote(JQL_MINUTE.format(since.atZone(zone).truncatedTo(ChronoUnit.MINUTES))));
        }
        return jql.append(" ORDER BY updated ASC, key ASC").toString();
    }

    /** A JQL string literal: double quotes, with backslashes and quotes escaped. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
