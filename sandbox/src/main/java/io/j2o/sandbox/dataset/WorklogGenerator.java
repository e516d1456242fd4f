package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes each issue's time tracking as Jira Cloud returns it: the logged work in {@code fields.worklog} (every
 * worklog; Jira's embedding cap is the simulator's business), the estimates in seconds and the {@code timetracking}
 * summary. Logging work moves {@code updated}, so only issues touched after creation have worklogs; a few have more
 * than Jira embeds.
 */
final class WorklogGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_ID = 200000;
    private static final int MAX_PER_ISSUE = 4;
    /** One issue with work logged in this many has {@link #BUSY_ISSUE} to {@link #BUSIEST_ISSUE} worklogs. */
    private static final int BUSY_ODDS = 12;
    private static final int BUSY_ISSUE = 21;
    private static final int BUSIEST_ISSUE = 25;
    private static final long QUARTER_HOUR = 900;
    private static final long HOUR = 3600;
    /** What Jira Cloud writes in {@code fields.worklog.maxResults}: the number of worklogs it embeds at most. */
    private static final int EMBEDDED = 20;

    private final Random random;
    private final String siteUrl;
    private final List<ObjectNode> users;
    private final AdfDescriptionGenerator bodies;
    private long nextId;

    WorklogGenerator(Random random, String siteUrl, List<ObjectNode> users, GeneratedIds ids) {
        this.nextId = ids.id(FIRST_ID);
        this.random = random;
        this.siteUrl = siteUrl;
        this.users = users;
        this.bodies = new AdfDescriptionGenerator(random);
    }

    /** Adds {@code worklog}, {@code timespent}, {@code timeoriginalestimate}, {@code timeestimate} and {@code timetracking}. */
    void addTo(ObjectNode fields, String issueId, String topic, Instant created, Instant updated) {
        int count = created.equals(updated) ? 0 : random.nextInt(MAX_PER_ISSUE + 1);
        if (count > 0 && random.nextInt(BUSY_ODDS) == 0) {
            count = BUSY_ISSUE + random.nextInt(BUSIEST_ISSUE - BUSY_ISSUE + 1);
        }
        ObjectNode page = JSON.objectNode();
        page.put("startAt", 0);
        page.put("maxResults", EMBEDDED);
        ArrayNode worklogs = JSON.arrayNode();
        long spent = 0;
        for (Instant at : ActivityTimes.between(random, count, created, updated)) {
            ObjectNode worklog = worklog(issueId, topic, created, at);
            spent += worklog.get("timeSpentSeconds").asLong();
            worklogs.add(worklog);
        }
        page.put("total", worklogs.size());
        page.set("worklogs", worklogs);
        Long original = random.nextInt(3) == 0 ? null : HOUR * (1 + random.nextInt(40));
        // Logging work without an estimate leaves Jira with nothing remaining.
        Long remaining = original != null ? Long.valueOf(Math.max(0, original - spent)) : spent == 0 ? null : Long.valueOf(0);
        fields.set("timetracking", timetracking(original, remaining, spent));
        fields.put("timeoriginalestimate", original);
        fields.put("timeestimate", remaining);
        fields.put("timespent", spent == 0 ? null : spent);
        fields.set("worklog", page);
    }

    private ObjectNode worklog(String issueId, String topic, Instant issueCreated, Instant logged) {
        String id = String.valueOf(nextId++);
        long seconds = QUARTER_HOUR * (1 + random.nextInt(32));
        Instant started = logged.minusSeconds(seconds);
        ObjectNode author = DatasetGenerator.userReference(users.get(random.nextInt(users.size() - 1)));
        ObjectNode worklog = JSON.objectNode();
        worklog.put("self", siteUrl + "/rest/api/3/issue/" + issueId + "/worklog/" + id);
        worklog.set("author", author);
        worklog.set("updateAuthor", author.deepCopy());
        if (random.nextInt(4) != 0) {
            worklog.set("comment", bodies.comment(topic));
        }
        worklog.put("created", JiraDateTimes.format(logged));
        worklog.put("updated", JiraDateTimes.format(logged));
        worklog.put("started", JiraDateTimes.format(started.isBefore(issueCreated) ? issueCreated : started));
        worklog.put("timeSpent", JiraDurations.format(seconds));
        worklog.put("timeSpentSeconds", seconds);
        worklog.put("id", id);
        worklog.put("issueId", issueId);
        return worklog;
    }

    /** Jira lists only the parts of time tracking that have a value; an issue without any has {@code {}}. */
    private static ObjectNode timetracking(Long original, Long remaining, long spent) {
        ObjectNode tracking = JSON.objectNode();
        if (original != null) {
            tracking.put("originalEstimate", JiraDurations.format(original));
        }
        if (remaining != null) {
            tracking.put("remainingEstimate", JiraDurations.format(remaining));
        }
        if (spent > 0) {
            tracking.put("timeSpent", JiraDurations.format(spent));
        }
        if (original != null) {
            tracking.put("originalEstimateSeconds", original);
        }
        if (remaining != null) {
            tracking.put("remainingEstimateSeconds", remaining);
        }
        if (spent > 0) {
            tracking.put("timeSpentSeconds", spent);
        }
        return tracking;
    }
}
