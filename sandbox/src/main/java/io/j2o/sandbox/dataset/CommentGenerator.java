package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Writes each issue's comments as Jira Cloud embeds them in {@code fields.comment}. Only an issue touched after its
 * creation has any, since a comment moves {@code updated}: every comment falls between creation and the
 * issue's {@code updated}, and the last one made it. A few issues are discussed at length, with more comments than
 * Jira embeds in an issue, so clients must page the rest.
 */
final class CommentGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int FIRST_ID = 100000;
    private static final int MAX_PER_ISSUE = 4;
    /** One commented issue in this many is a long discussion of {@link #LONG_DISCUSSION} comments or more. */
    private static final int LONG_DISCUSSION_ODDS = 40;
    private static final int LONG_DISCUSSION = 21;
    private final Random random;
    private final String siteUrl;
    private final List<ObjectNode> users;
    private final AdfDescriptionGenerator bodies;
    private long nextId;

    CommentGenerator(Random random, String siteUrl, List<ObjectNode> users, GeneratedIds ids) {
        this.nextId = ids.id(FIRST_ID);
        this.random = random;
        this.siteUrl = siteUrl;
        this.users = users;
        this.bodies = new AdfDescriptionGenerator(random);
    }

    /** The {@code fields.comment} page of an issue: every comment, so {@code total} equals the number listed. */
    ObjectNode page(String issueId, String topic, Instant created, Instant updated) {
        int count = created.equals(updated) ? 0 : random.nextInt(MAX_PER_ISSUE + 1);
        if (count > 0 && random.nextInt(LONG_DISCUSSION_ODDS) == 0) {
            count = LONG_DISCUSSION + random.nextInt(10);
        }
        ObjectNode page = JSON.objectNode();
        ArrayNode list = page.putArray("comments");
        for (Instant at : ActivityTimes.between(random, count, created, updated)) {
            list.add(comment(issueId, topic, at, updated));
        }
        page.put("self", siteUrl + "/rest/api/3/issue/" + issueId + "/comment");
        page.put("maxResults", list.size());
        page.put("total", list.size());
        page.put("startAt", 0);
        return page;
    }

    private ObjectNode comment(String issueId, String topic, Instant created, Instant issueUpdated) {
        String id = String.valueOf(nextId++);
        ObjectNode author = DatasetGenerator.userReference(users.get(random.nextInt(users.size())));
        // One comment in five was edited later, never after the issue's last update.
        Instant edited = random.nextInt(5) == 0 ? ActivityTimes.editedBetween(random, created, issueUpdated) : created;
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
