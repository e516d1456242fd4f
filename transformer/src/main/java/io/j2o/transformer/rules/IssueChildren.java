package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.CommandKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The children of one kind that an issue payload lists — its comments, worklogs or outward links — as commands,
 * each with the command that would remove it. Jira has no deletion feed for them: a child that disappears from a
 * complete list is how a removal shows, and by then the payload no longer says what the child was, so its removal
 * is made while it is still listed.
 *
 * @param complete whether the payload listed every child ({@code total} not above the number returned); only a
 *                 complete list tells that a child it lacks was removed from Jira
 */
public record IssueChildren(CommandKind kind, String issueKey, List<Child> children, boolean complete) {

    /** One listed child: the command that creates or updates it, and the one that removes it. */
    public record Child(CommandDraft upsert, CommandDraft removal) {
    }

    public IssueChildren {
        children = List.copyOf(children);
    }

    /**
     * The children of a paged Jira field ({@code fields.comment.comments}, {@code fields.worklog.worklogs}); empty
     * when the payload lacks the field (it was not requested), which says nothing about the children.
     */
    static Optional<IssueChildren> paged(CommandKind kind, String issueKey, JsonNode fields, String field, String list,
                                         Function<JsonNode, Child> child) {
        JsonNode paged = fields.path(field);
        if (!paged.isObject()) {
            return Optional.empty();
        }
        JsonNode listed = paged.path(list);
        if (!listed.isArray()) {
            throw new MappingException("issue " + issueKey + " has fields." + field + " without a " + list + " array");
        }
        List<Child> children = new ArrayList<>();
        listed.forEach(element -> children.add(child.apply(element)));
        boolean complete = paged.path("total").asInt(listed.size()) <= listed.size();
        return Optional.of(new IssueChildren(kind, issueKey, children, complete));
    }

    /** The commands creating or updating the listed children, in payload order. */
    public List<CommandDraft> upserts() {
        return children.stream().map(Child::upsert).toList();
    }

    /** A child's Jira id as a usable marker and command key part, or a mapping failure naming the issue. */
    static String childId(JsonNode child, String what, String issueKey) {
        String id = child.path("id").asText("");
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new MappingException("issue " + issueKey + " has a " + what + " without a usable id: '" + id + "'");
        }
        return id;
    }
}
