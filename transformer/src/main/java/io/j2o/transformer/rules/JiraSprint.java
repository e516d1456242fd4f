package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sprint as an issue's Sprint field names it: Cloud writes objects ({@code {"id":175,"name":"K5 Sprint 1",
 * "state":"active","boardId":92,"startDate":"2022-07-15T22:35:25.617Z",...}}), Data Center (and old Cloud) the
 * GreenHopper string {@code com.atlassian.greenhopper.service.sprint.Sprint@a88a698[id=1,rapidViewId=1,state=ACTIVE,
 * name=Sample Sprint 2,startDate=2018-05-09T06:39:30.147Z,...,goal=<null>]}. What cannot be read is left out, never
 * an error: sprints are a convenience, the issue must still migrate.
 *
 * @param startDate {@code yyyy-MM-dd} in UTC, null when unknown
 * @param endDate   {@code yyyy-MM-dd} in UTC, null when unknown
 * @param goal      empty when none
 */
record JiraSprint(long id, String name, String startDate, String endDate, String goal) {

    private static final String LEGACY_PREFIX = "com.atlassian.greenhopper.service.sprint.Sprint@";
    /** The attributes GreenHopper writes; a name or goal may hold commas, so only ",<known>=" separates. */
    private static final Pattern LEGACY_SEPARATOR = Pattern.compile(",(?=(?:id|rapidViewId|state|name|goal|startDate|"
            + "endDate|completeDate|activatedDate|sequence|autoStartStop|synced|incompleteIssuesDestinationId)=)");
    private static final Set<String> CLOUD_SHAPE = Set.of("id", "name", "state");

    /** The sprints of every Sprint field of the issue: named "Sprint" in {@code names}, or holding sprint values. */
    static List<JiraSprint> of(JsonNode issue) {
        List<JiraSprint> sprints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = issue.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            boolean named = "Sprint".equals(issue.path("names").path(field.getKey()).asText(null));
            if (field.getKey().startsWith("customfield_") && field.getValue().isArray()
                    && (named || isSprint(field.getValue().path(0)))) {
                field.getValue().forEach(value -> parse(value).ifPresent(sprints::add));
            }
        }
        return sprints;
    }

    /** The sprint the issue was planned into last: the most recently created one (sprint ids only grow). */
    static Optional<JiraSprint> latest(List<JiraSprint> sprints) {
        return sprints.stream().max((a, b) -> Long.compare(a.id(), b.id()));
    }

    private static boolean isSprint(JsonNode value) {
        return value.isObject() ? CLOUD_SHAPE.stream().allMatch(value::has)
                : value.isTextual() && value.asText().startsWith(LEGACY_PREFIX);
    }

    static Optional<JiraSprint> parse(JsonNode value) {
        if (value.isObject()) {
            return sprint(value.path("id").asText(""), value.path("name").asText(""), value.path("startDate").asText(""),
                    value.path("endDate").asText(""), value.path("goal").asText(""));
        }
        return value.isTextual() ? parseLegacy(value.asText()) : Optional.empty();
    }

    private static Optional<JiraSprint> parseLegacy(String text) {
        int open = text.indexOf('[');
        int close = text.lastIndexOf(']');
        if (!text.startsWith(LEGACY_PREFIX) || open < 0 || close < open) {
            return Optional.empty();
        }
        Map<String, String> attributes = new HashMap<>();
        for (String pair : LEGACY_SEPARATOR.split(text.substring(open + 1, close))) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String value = pair.substring(equals + 1);
                attributes.put(pair.substring(0, equals), "<null>".equals(value) ? "" : value);
            }
        }
        return sprint(attributes.getOrDefault("id", ""), attributes.getOrDefault("name", ""),
                attributes.getOrDefault("startDate", ""), attributes.getOrDefault("endDate", ""),
                attributes.getOrDefault("goal", ""));
    }

    private static Optional<JiraSprint> sprint(String id, String name, String start, String end, String goal) {
        if (!id.matches("\\d{1,18}") || name.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new JiraSprint(Long.parseLong(id), name.strip(), date(start), date(end), goal.strip()));
    }

    /** Sprint times are instants; OpenProject versions have dates. */
    private static String date(String instant) {
        try {
            return instant.isBlank() ? null : Instant.parse(instant).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        } catch (DateTimeParseException e) {
            return JiraAttribution.parse(instant).map(time -> time.toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                    .orElse(null);
        }
    }
}
