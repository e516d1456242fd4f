package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.schemas.markers.TextMarker;
import java.util.Optional;

/**
 * Comments are found by the activity the mapping names, else by the {@link CommentMarker} ending their text among
 * their work package's activities, and only then created. API v3 cannot delete a comment, so a comment removed from
 * Jira is overwritten with a visible tombstone, journalled as a deletion.
 */
public final class CommentUpserter implements Upserter {

    private final OpenProjectClient client;

    public CommentUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        Target target = Target.of(body);
        String raw = body.path("comment").path("raw").asText();
        Optional<JsonNode> existing = find(target, known);
        if (existing.isEmpty()) {
            // notify=false: a migration must not mail every watcher once per comment.
            return UpsertOutcome.of(JournalAction.CREATED, null,
                    client.post(target.workPackage() + "/activities?notify=false", text(raw)));
        }
        JsonNode current = existing.get();
        if (raw.equals(MarkedText.raw(current))) {
            return UpsertOutcome.unchanged(current);
        }
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current), text(raw)));
    }

    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        if (body == null) {
            throw new MalformedCommandException("comment deletion without a body naming its work package and marker");
        }
        Target target = Target.of(body);
        return find(target, known).map(current -> CommentMarker.isTombstone(MarkedText.raw(current))
                ? UpsertOutcome.unchanged(current)
                : UpsertOutcome.of(JournalAction.DELETED, current,
                        client.patch(HalLinks.self(current), text(CommentMarker.tombstone(target.commentId())))));
    }

    /** Empty when the work package itself is gone: its comments went with it. */
    private Optional<JsonNode> find(Target target, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known)
                .filter(activity -> MarkedText.isMarked(activity, TextMarker.COMMENT, target.commentId()));
        if (byMapping.isPresent()) {
            return byMapping;
        }
        return client.find(target.workPackage() + "/activities")
                .flatMap(activities -> MarkedText.find(activities.path("_embedded").path("elements"), TextMarker.COMMENT,
                        target.commentId()));
    }

    private static ObjectNode text(String raw) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("comment").put("raw", raw);
        return body;
    }

    /** Which comment a command is about: its work package and the Jira comment id its marker carries. */
    private record Target(String workPackage, String commentId) {

        static Target of(ObjectNode body) {
            String workPackage = body.path("_links").path("workPackage").path("href").asText("");
            if (!workPackage.startsWith("/api/v3/work_packages/")) {
                throw new MalformedCommandException("comment command without a resolved _links.workPackage, was '"
                        + workPackage + "'");
            }
            String commentId = CommentMarker.idIn(body.path("comment").path("raw").asText(null))
                    .orElseThrow(() -> new MalformedCommandException("comment command whose text ends without a j2o marker"));
            return new Target(workPackage, commentId);
        }
    }
}
