package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Runs two-week sprints on one board per project, the last {@value #SPRINTS} before the site's "now" (the last one
 * active, the ones before closed, one more future), and puts about half of the issues in the Sprint field
 * (at the site's id base, {@link DatasetCustomFields#SPRINT} at base 0) as Jira Cloud returns it: an array of sprint objects, a carried-over issue
 * in two; null on the others.
 */
final class SprintGenerator {

    static final int SPRINTS = 4;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_SPRINT = 1;
    private static final int FIRST_BOARD = 1;
    private static final Duration LENGTH = Duration.ofDays(14);
    /** The agile API writes sprint times in UTC with a literal Z, unlike the platform's {@code +0000}. */
    private static final DateTimeFormatter SPRINT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Random random;
    private final Instant now;
    private final GeneratedIds ids;
    private final String sprintField;

    SprintGenerator(Random random, Instant now, GeneratedIds ids) {
        this.random = random;
        this.now = now;
        this.ids = ids;
        this.sprintField = DatasetCustomFields.ids(ids.base()).sprint();
    }

    void plan(List<ObjectNode> projects, List<ObjectNode> issues) {
        Map<String, List<ObjectNode>> sprintsByProject = new LinkedHashMap<>();
        int nextId = FIRST_SPRINT;
        for (int p = 0; p < projects.size(); p++) {
            String key = projects.get(p).get("key").asText();
            List<ObjectNode> sprints = new ArrayList<>();
            for (int s = 0; s <= SPRINTS; s++) {
                sprints.add(sprint(nextId++, FIRST_BOARD + p, key, s));
            }
            sprintsByProject.put(key, sprints);
        }
        for (ObjectNode issue : issues) {
            ObjectNode fields = (ObjectNode) issue.get("fields");
            List<ObjectNode> sprints = sprintsByProject.get(fields.path("project").path("key").asText());
            if (sprints == null || random.nextBoolean()) {
                fields.putNull(sprintField);
                continue;
            }
            int last = random.nextInt(sprints.size());
            ArrayNode value = fields.putArray(sprintField);
            if (last > 0 && random.nextInt(4) == 0) {
                value.add(sprints.get(last - 1).deepCopy());
            }
            value.add(sprints.get(last).deepCopy());
        }
    }

    /** Sprint {@code number} (0-based) of the board: closed before the active one, the last one still to come. */
    private ObjectNode sprint(int id, int boardId, String projectKey, int number) {
        Instant start = now.minus(LENGTH.multipliedBy(SPRINTS - 1L - number)).minus(Duration.ofDays(3));
        String state = number < SPRINTS - 1 ? "closed" : number == SPRINTS - 1 ? "active" : "future";
        ObjectNode sprint = JSON.objectNode();
        sprint.set("id", ids.number(id));
        sprint.put("name", projectKey + " Sprint " + (number + 1));
        sprint.put("state", state);
        sprint.set("boardId", ids.number(boardId));
        sprint.put("goal", number % 2 == 0 ? "Ship the " + projectKey.toLowerCase(Locale.ROOT) + " increment" : "");
        if (!state.equals("future")) {
            sprint.put("startDate", SPRINT_TIME.format(start));
            sprint.put("endDate", SPRINT_TIME.format(start.plus(LENGTH)));
        }
        if (state.equals("closed")) {
            sprint.put("completeDate", SPRINT_TIME.format(start.plus(LENGTH).plusSeconds(3600)));
        }
        return sprint;
    }
}
