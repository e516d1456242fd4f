package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.TextMarker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the attachments embedded in a Jira issue ({@code fields.attachment}) into attachments of its work package.
 * OpenProject makes the API user the author and "now" the upload time, so the description says who attached the file
 * in Jira and when. The bytes are not in the payload: the body carries Jira's {@code content} URL as
 * {@value #JIRA_CONTENT}, which the loader reads the file from and removes before anything reaches OpenProject.
 * Jira embeds every attachment of an issue, so the list is always complete and one that leaves it is removed. The
 * description ends with the {@link TextMarker#ATTACHMENT} marker of the Jira attachment id, by which the loader finds
 * the file again: two files of one issue may share name and size.
 */
final class AttachmentRule {

    /** Top-level body field with the absolute Jira URL of the file's bytes; loader-only, never sent to OpenProject. */
    static final String JIRA_CONTENT = "jiraContent";
    private static final String DEFAULT_TYPE = "application/octet-stream";

    /** Empty when the payload lacks the field (it was not requested), which says nothing about the attachments. */
    Optional<IssueChildren> attachments(String issueId, String issueKey, JsonNode fields) {
        JsonNode listed = fields.path("attachment");
        if (listed.isMissingNode() || listed.isNull()) {
            return Optional.empty();
        }
        if (!listed.isArray()) {
            throw new MappingException("issue " + issueKey + " has a fields.attachment that is not an array");
        }
        List<IssueChildren.Child> children = new ArrayList<>();
        for (JsonNode attachment : listed) {
            String id = IssueChildren.childId(attachment, "attachment", issueKey);
            children.add(new IssueChildren.Child(upsert(issueId, issueKey, id, attachment), removal(issueId, issueKey, id, attachment)));
        }
        return Optional.of(new IssueChildren(CommandKind.ATTACHMENT, issueKey, children, true));
    }

    private static CommandDraft upsert(String issueId, String issueKey, String id, JsonNode attachment) {
        String content = attachment.path("content").asText("");
        if (!content.matches("https?://.+")) {
            throw new MappingException("issue " + issueKey + " has attachment " + id + " without an http(s) content URL: '"
                    + content + "'");
        }
        String created = JiraAttribution.time(attachment.path("created").asText(""));
        ObjectNode body = identity(issueId, issueKey, id, attachment);
        body.putObject("description").put("raw", TextMarker.ATTACHMENT.append("Originally attached by "
                + JiraAttribution.name(attachment.path("author")) + (created.isEmpty() ? "" : " on " + created) + " in Jira", id));
        String mimeType = attachment.path("mimeType").asText("");
        body.put("contentType", mimeType.isBlank() ? DEFAULT_TYPE : mimeType);
        body.put(JIRA_CONTENT, content);
        return new CommandDraft(CommandKind.ATTACHMENT, CommandAction.UPSERT, id, issueKey, body);
    }

    /**
     * The loader finds an attachment again by its marker, which the removal carries as its description, or by file
     * name and size for one migrated before markers.
     */
    private static CommandDraft removal(String issueId, String issueKey, String id, JsonNode attachment) {
        ObjectNode body = identity(issueId, issueKey, id, attachment);
        body.putObject("description").put("raw", TextMarker.ATTACHMENT.of(id));
        return new CommandDraft(CommandKind.ATTACHMENT, CommandAction.DELETE, id, issueKey, body);
    }

    private static ObjectNode identity(String issueId, String issueKey, String id, JsonNode attachment) {
        String fileName = attachment.path("filename").asText("");
        JsonNode size = attachment.path("size");
        if (fileName.isBlank()) {
            throw new MappingException("issue " + issueKey + " has attachment " + id + " without a filename");
        }
        if (!size.isIntegralNumber() || size.asLong() < 0) {
            throw new MappingException("issue " + issueKey + " has attachment " + id + " without a size in bytes");
        }
        ObjectNode body = WorkPackageChild.body(issueId);
        body.put("fileName", fileName);
        body.set("size", size.deepCopy());
        return body;
    }
}
