package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.richtext.EmphasisLine;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the comments embedded in a Jira issue ({@code fields.comment}) into comments on its work package.
 * OpenProject makes the API user the author of every comment and dates it "now", so the first line keeps who wrote
 * it in Jira and when; the last line is the {@link CommentMarker} the loader finds the comment by.
 */
final class CommentRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter JIRA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final RichTextField richText;

    CommentRule(RichTextField richText) {
        this.richText = richText;
    }

    /** Empty when the payload carries no comment field (it was not requested), which says nothing about comments. */
    Optional<IssueComments> comments(String issueId, String issueKey, JsonNode fields) {
        JsonNode field = fields.path("comment");
        if (!field.isObject()) {
            return Optional.empty();
        }
        JsonNode listed = field.path("comments");
        if (!listed.isArray()) {
            throw new MappingException("issue " + issueKey + " has fields.comment without a comments array");
        }
        List<CommandDraft> upserts = new ArrayList<>();
        listed.forEach(comment -> upserts.add(upsert(issueId, issueKey, comment)));
        boolean complete = field.path("total").asInt(listed.size()) <= listed.size();
        return Optional.of(new IssueComments(issueId, issueKey, upserts, complete));
    }

    /** A removal names its comment the way the loader finds it: the work package, and the marker alone as text. */
    static CommandDraft deletion(String issueId, String issueKey, String commentId) {
        ObjectNode body = workPackageLink(issueId);
        body.putObject("comment").put("raw", CommentMarker.of(commentId));
        return new CommandDraft(CommandKind.COMMENT, CommandAction.DELETE, commentId, issueKey, body);
    }

    private CommandDraft upsert(String issueId, String issueKey, JsonNode comment) {
        String id = comment.path("id").asText("");
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new MappingException("issue " + issueKey + " has a comment without a usable id: '" + id + "'");
        }
        String created = time(comment.path("created").asText(""));
        String header = EmphasisLine.of("Originally by " + author(comment.path("author"))
                + (created.isEmpty() ? "" : " on " + created) + edited(comment) + " in Jira");
        String text = richText.markdown(comment.path("body"));
        ObjectNode body = workPackageLink(issueId);
        body.putObject("comment").put("raw", CommentMarker.append(text.isEmpty() ? header : header + "\n\n" + text, id));
        return new CommandDraft(CommandKind.COMMENT, CommandAction.UPSERT, id, issueKey, body);
    }

    /** Both kinds of comment command name their work package, so they travel the same reference path, in order. */
    private static ObjectNode workPackageLink(String issueId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("_links").putObject("workPackage")
                .put("href", References.placeholder(CommandKind.WORK_PACKAGE, issueId));
        return body;
    }

    /** Cloud names people by displayName; Data Center also by name; a deleted or anonymous author has neither. */
    private static String author(JsonNode author) {
        for (String field : List.of("displayName", "name")) {
            String value = author.path(field).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return "an unknown user";
    }

    private static String edited(JsonNode comment) {
        String created = comment.path("created").asText("");
        String updated = comment.path("updated").asText("");
        return updated.isEmpty() || time(updated).equals(time(created)) ? "" : ", edited " + time(updated);
    }

    /** ISO-8601 in UTC to the second ({@code 2025-03-04T10:11:12Z}); text that is no Jira time stays as it is. */
    private static String time(String jiraTime) {
        for (DateTimeFormatter format : List.of(JIRA_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME)) {
            try {
                return OffsetDateTime.parse(jiraTime, format).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return jiraTime;
    }
}
