package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.topics.EntityKeys;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.resolve.SoftReferences;
import io.j2o.transformer.richtext.LinkedMarkdown;
import io.j2o.transformer.richtext.SoftReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the soft references in an issue's texts (its description, its comments, its rich-text custom fields) can
 * point at: issues by key, users by id or Data Center username, and the issue's own attachments by file name; and
 * the Jira site an unresolved issue key links back to.
 *
 * @param site          the Jira base URL, from the payload's {@code self}; null when the payload has none
 * @param attachmentIds file name → Jira attachment id, of {@code fields.attachment}; the first of equal names wins
 */
record IssueText(String site, Map<String, String> attachmentIds) {

    IssueText {
        attachmentIds = Map.copyOf(attachmentIds);
    }

    /**
     * For a plain-text field (a time entry's comment): an unresolved issue key stays the bare key, as no Markdown link
     * can show there; only issue keys are expected among its references (see {@link LinkedMarkdown#keeping}).
     */
    static IssueText plain() {
        return new IssueText(null, Map.of());
    }

    /** @param withSelf an issue or comment payload, whose {@code self} names the site */
    static IssueText of(JsonNode withSelf, JsonNode fields) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode attachment : fields.path("attachment")) {
            String name = attachment.path("filename").asText("");
            String id = attachment.path("id").asText("");
            if (!name.isBlank() && !id.isBlank()) {
                ids.putIfAbsent(name, id);
            }
        }
        return new IssueText(site(withSelf.path("self").asText("")), ids);
    }

    /**
     * The last paragraph of a migrated description: the issue's key as a link to it in Jira, so that readers (and
     * links pasted during the cutover) find the original; nothing when the site is unknown.
     */
    String linkBack(String issueKey) {
        return site == null ? "" : "\n\n*Migrated from Jira issue [" + issueKey + "](" + site + "/browse/" + issueKey + ")*";
    }

    /** {@code https://acme.atlassian.net/rest/api/3/issue/10001} → {@code https://acme.atlassian.net}. */
    private static String site(String self) {
        int rest = self.indexOf("/rest/");
        return rest > 0 && self.matches("https?://.+") ? self.substring(0, rest) : null;
    }

    /** Writes {@code template} (Markdown with the tokens of {@code linked}) to the field at {@code pointer}. */
    void write(ObjectNode body, String pointer, String template, LinkedMarkdown linked) {
        SoftReferences.attach(body, pointer, template, linked.references(), site, this::referenceOf);
    }

    private Optional<String> referenceOf(SoftReference reference) {
        return switch (reference.kind()) {
            case ISSUE -> Optional.of(References.issueKeyReference(reference.target()));
            case USER -> Optional.of(EntityKeys.commandKey(CommandKind.USER, reference.target()));
            case USER_NAME -> Optional.of(References.userNameReference(reference.target()));
            case ATTACHMENT, ATTACHMENT_LINK -> Optional.ofNullable(attachmentIds.get(reference.target()))
                    .map(id -> EntityKeys.commandKey(CommandKind.ATTACHMENT, id));
        };
    }
}
