package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.resolve.References;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the links of a Jira issue ({@code fields.issuelinks}) into relations between work packages. Jira lists a
 * link on both of its issues; only the issue holding the link's {@code outwardIssue} (the link's source, OpenProject's
 * {@code from}) emits it, so each link becomes exactly one command.
 */
final class RelationRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final MappingConfig config;

    RelationRule(MappingConfig config) {
        this.config = config;
    }

    /** Empty when the payload lacks the field; Jira never truncates the link list, so it is always complete. */
    Optional<IssueChildren> relations(String issueId, String issueKey, JsonNode fields) {
        JsonNode links = fields.path("issuelinks");
        if (!links.isArray()) {
            return Optional.empty();
        }
        List<IssueChildren.Child> children = new ArrayList<>();
        for (JsonNode link : links) {
            String outwardId = link.path("outwardIssue").path("id").asText("");
            if (!outwardId.isBlank()) {
                String id = IssueChildren.childId(link, "link", issueKey);
                ObjectNode body = body(issueId, outwardId, config.relationTypeFor(link.path("type").path("name").asText(null)));
                children.add(new IssueChildren.Child(
                        new CommandDraft(CommandKind.RELATION, CommandAction.UPSERT, id, issueKey, body),
                        new CommandDraft(CommandKind.RELATION, CommandAction.DELETE, id, issueKey, body.deepCopy())));
            }
        }
        return Optional.of(new IssueChildren(CommandKind.RELATION, issueKey, children, true));
    }

    /** Upsert and removal carry the same body: the loader finds an existing relation by (from, to, type). */
    private static ObjectNode body(String fromIssueId, String toIssueId, String type) {
        ObjectNode body = MAPPER.createObjectNode().put("type", type).putNull("description");
        ObjectNode links = body.putObject("_links");
        links.putObject("from").put("href", References.placeholder(CommandKind.WORK_PACKAGE, fromIssueId));
        links.putObject("to").put("href", References.placeholder(CommandKind.WORK_PACKAGE, toIssueId));
        return body;
    }
}
