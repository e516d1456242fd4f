package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes each issue's comments as Jira Cloud embeds them in {@code fields.comment}. Only an issue touched after its
 * creation has any, since a comment moves {@code updated}: every comment falls between creation and the
 * issue's {@code updated}, and the last one made it.
 */
final class CommentGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_ID = 100000;
    private static final int MAX_PER_ISSUE = 4;
    private final Random random;
    private final String siteUrl;
    private final List<ObjectNode> users;
    private final AdfDescriptionGenerator bodies;
    private int nextId = FIRST_ID;

    CommentGenerator(Random random, String siteUrl, List<ObjectNode> users) {
        this.random = random;
        this.siteUrl = siteUrl;
        this.users = users;
        this.bodies = new AdfDescriptionGenerator(random);
    }

    /** The {@code fields.comment} page of an issue: every comment, so {@code total} equals the number listed. */
    ObjectNode page(String issueId, String topic, Instant created, Instant updated) {
        long span = Duration.between(created, updated).toMillis();
        int count = span == 0 ? 0 : random.nextInt(MAX_PER_ISSUE + 1);
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            offsets.add(i == count - 1 ? span : 1 + (long) (random.nextDouble() * (span - 1)));
        }
        offsets.sort(null);
        ObjectNode page = JSON.objectNode();
        ArrayNode list = page.putArray("comments");
        for (long offset : offsets) {
            list.add(comment(issueId, topic, created.plusMillis(offset), updated));
        }
        page.put("self", siteUrl + "/rest/api/3/issue/" + issueId + "/comment");
        page.put("maxResults", count);
        page.put("total", count);
        page.put("startAt", 0);
        return page;
    }

    private ObjectNode comment(String issueId, String topic, Instant created, Instant issueUpdated) {
        String id = String.valueOf(nextId++);
        ObjectNode author = DatasetGenerator.userReference(users.get(random.nextInt(users.size())));
        // One comment in five was edited later, never after the issue's last update.
        Instant edited = random.nextInt(5) == 0
                ? created.plusMillis((long) (random.nextDouble() * Duration.between(created, issueUpdated).toMillis()))
                : created;
        ObjectNode comment = JSON.objectNode();
        comment.put("self", siteUrl + "/rest/api/3/issue/" + issueId + "/comment/" + id);
        comment.put("id", id);
        comment.set("author", author);
        comment.set("body", bodies.comment(topic));
        comment.set("updateAuthor", author.deepCopy());
        comment.put("created", JiraDateTimes.format(created));
        comment.put("updated", JiraDateTimes.format(edited));
        comment.put("jsdPublic", true);
        return comment;
    }
}
