package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Who did something in Jira and when, as words for the first line of a migrated comment or time entry: OpenProject
 * makes the API user the author and "now" the time of everything created through it.
 */
final class JiraAttribution {

    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private JiraAttribution() {
    }

    /** Cloud names people by displayName; Data Center also by name; a deleted or anonymous user has neither. */
    static String name(JsonNode user) {
        for (String field : List.of("displayName", "name")) {
            String value = user.path(field).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return "an unknown user";
    }

    /** ISO-8601 in UTC to the second ({@code 2025-03-04T10:11:12Z}); text that is no Jira time stays as it is. */
    static String time(String jiraTime) {
        return parse(jiraTime).map(t -> t.toInstant().truncatedTo(ChronoUnit.SECONDS).toString()).orElse(jiraTime);
    }

    /** A Jira timestamp ({@code 2025-03-04T11:11:12.000+0100}) with its own offset, or ISO-8601 with an offset. */
    static Optional<OffsetDateTime> parse(String jiraTime) {
        for (DateTimeFormatter format : List.of(JIRA_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
            try {
                return java.util.Optional.of(OffsetDateTime.parse(jiraTime, format));
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return java.util.Optional.empty();
    }
}
