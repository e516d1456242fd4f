package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.transformer.richtext.EmphasisLine;
import io.j2o.transformer.richtext.LinkedMarkdown;
import java.util.Optional;

/**
 * Turns the comments embedded in a Jira issue ({@code fields.comment}) into comments on its work package.
 * OpenProject makes the API user the author of every comment and dates it "now", so the first line keeps who wrote
 * it in Jira and when; the last line is the {@link TextMarker#COMMENT} marker the loader finds the comment by.
 */
final class CommentRule {

    private final RichTextField richText;

    CommentRule(RichTextField richText) {
        this.richText = richText;
    }

    Optional<IssueChildren> comments(String issueId, String issueKey, JsonNode fields) {
        return WorkPackageChild.listed(CommandKind.COMMENT, TextMarker.COMMENT, issueId, issueKey, fields, "comment",
                "comments", (id, comment) -> upsert(issueId, issueKey, id, comment, IssueText.of(comment, fields)));
    }

    private CommandDraft upsert(String issueId, String issueKey, String id, JsonNode comment, IssueText text) {
        String created = JiraAttribution.time(comment.path("created").asText(""));
        String header = EmphasisLine.of("Originally by " + JiraAttribution.name(comment.path("author"))
                + (created.isEmpty() ? "" : " on " + created) + edited(comment) + " in Jira");
        ObjectNode body = WorkPackageChild.body(issueId);
        body.putObject("comment");
        LinkedMarkdown markdown = richText.linked(comment.path("body"));
        text.write(body, "/comment/raw", WorkPackageChild.markedText(TextMarker.COMMENT, header, markdown.template(), id),
                markdown);
        return new CommandDraft(CommandKind.COMMENT, CommandAction.UPSERT, id, issueKey, body);
    }

    private static String edited(JsonNode comment) {
        String created = JiraAttribution.time(comment.path("created").asText(""));
        String updated = JiraAttribution.time(comment.path("updated").asText(""));
        return updated.isEmpty() || updated.equals(created) ? "" : ", edited " + updated;
    }
}
