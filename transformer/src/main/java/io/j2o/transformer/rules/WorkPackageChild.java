package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.transformer.resolve.References;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Bodies of what hangs off a work package and is found again by the marker at the end of its text (comments, time
 * entries): upsert and removal both name the work package, so they travel the same reference path, in order.
 */
final class WorkPackageChild {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkPackageChild() {
    }

    /** {@code {"_links":{"workPackage":{"href":<ref>}}}}, to add the child's own fields to. */
    static ObjectNode body(String issueId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("_links").putObject("workPackage")
                .put("href", References.placeholder(CommandKind.WORK_PACKAGE, issueId));
        return body;
    }

    /**
     * The children listed in a paged issue field ({@code fields.comment.comments}, {@code fields.worklog.worklogs}),
     * each with the removal that names it by its marker.
     */
    static Optional<IssueChildren> listed(CommandKind kind, TextMarker marker, String issueId, String issueKey,
                                          JsonNode fields, String field, String list,
                                          BiFunction<String, JsonNode, CommandDraft> upsert) {
        return IssueChildren.paged(kind, issueKey, fields, field, list, child -> {
            String id = IssueChildren.childId(child, field, issueKey);
            return new IssueChildren.Child(upsert.apply(id, child), removal(kind, marker, issueId, issueKey, id));
        });
    }

    /** The child's text: the line that says where it came from, its Markdown if any, and its marker last. */
    static String markedText(TextMarker marker, String header, String markdown, String childId) {
        return marker.append(markdown.isEmpty() ? header : header + "\n\n" + markdown, childId);
    }

    /** A removal names its child the way the loader finds it: the work package, and the marker alone as text. */
    private static CommandDraft removal(CommandKind kind, TextMarker marker, String issueId, String issueKey, String childId) {
        ObjectNode body = body(issueId);
        body.putObject("comment").put("raw", marker.of(childId));
        return new CommandDraft(kind, CommandAction.DELETE, childId, issueKey, body);
    }
}
