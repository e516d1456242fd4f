package io.j2o.transformer.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.transformer.richtext.LinkedMarkdown;
import io.j2o.transformer.richtext.SoftReference;
import io.j2o.transformer.richtext.SoftReferenceText;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Soft references in a command's text: an issue key, a mention, an inline image or a link to an attached file.
 * Unlike a placeholder they never hold a command back (two issues may name each other): the text reads as fallback
 * until the target's mapping is known. The body keeps what it needs to render the text again under
 * {@code _j2o.texts}, one entry per text field:
 *
 * <pre>
 * {"pointer": "/description/raw", "template": "See \uE0000\uE002", "site": "https://acme.atlassian.net",
 *  "references": [{"kind": "ISSUE", "target": "ALPHA-7", "label": "ALPHA-7", "ref": "issue_key:ALPHA-7",
 *                  "id": null, "checked": false}]}
 * </pre>
 *
 * {@code ref} is the reference key whose mapping resolves it (null: nothing migrated can, e.g. an image whose file
 * is not attached to the issue), {@code id} the OpenProject id once known, {@code checked} that the task owning
 * {@code ref} found no mapping yet (the command then waits there, already sent, to be sent again when it arrives).
 */
public final class SoftReferences {

    private static final String SECTION = "_j2o";
    private static final String TEXTS = "texts";

    private SoftReferences() {
    }

    /**
     * Writes {@code template} rendered with fallbacks to the text field at {@code pointer} (an object field such as
     * {@code /description/raw}), and remembers its references when it has any.
     *
     * @param site        the Jira base URL issue keys link to while unresolved; null keeps them plain
     * @param referenceOf the reference key that resolves a reference, empty when none can
     */
    public static void attach(ObjectNode body, String pointer, String template, List<SoftReference> references,
                              String site, Function<SoftReference, Optional<String>> referenceOf) {
        ObjectNode text = body.objectNode().put("pointer", pointer).put("template", template).put("site", site);
        ArrayNode list = text.putArray("references");
        for (SoftReference reference : references) {
            list.addObject().put("kind", reference.kind().name()).put("target", reference.target())
                    .put("label", reference.label()).put("ref", referenceOf.apply(reference).orElse(null))
                    .putNull("id").put("checked", false);
        }
        render(body, text, ref -> Optional.empty());
        if (!references.isEmpty()) {
            ObjectNode section = body.get(SECTION) instanceof ObjectNode existing ? existing : body.putObject(SECTION);
            (section.get(TEXTS) instanceof ArrayNode texts ? texts : section.putArray(TEXTS)).add(text);
        }
    }

    /** The reference key of the first soft reference not yet looked up, if any. */
    public static Optional<String> firstUnchecked(JsonNode body) {
        for (JsonNode reference : references(body)) {
            if (reference.path("ref").isTextual() && reference.path("id").isNull() && !reference.path("checked").asBoolean()) {
                return Optional.of(reference.path("ref").asText());
            }
        }
        return Optional.empty();
    }

    /** Fills in {@code openProjectId} for every soft reference to {@code referenceKey}; true when a text changed. */
    public static boolean resolve(JsonNode body, String referenceKey, long openProjectId) {
        boolean changed = false;
        for (JsonNode reference : references(body)) {
            if (referenceKey.equals(reference.path("ref").asText(null)) && reference.path("id").isNull()) {
                ((ObjectNode) reference).put("id", openProjectId);
                changed = true;
            }
        }
        if (changed) {
            for (JsonNode text : texts(body)) {
                render((ObjectNode) body, (ObjectNode) text, ref -> Optional.empty());
            }
        }
        return changed;
    }

    /** Notes that {@code referenceKey} has no mapping yet, so the command moves on without it. */
    public static void markMissing(JsonNode body, String referenceKey) {
        for (JsonNode reference : references(body)) {
            if (referenceKey.equals(reference.path("ref").asText(null)) && reference.path("id").isNull()) {
                ((ObjectNode) reference).put("checked", true);
            }
        }
    }

    /**
     * The soft references in the body's texts that nothing migrated can resolve, as {@code KIND target} (an image or
     * file link naming a file the issue does not have attached, e.g. another issue's): they read as their fallback
     * for good, a degraded conversion to count and report.
     */
    public static List<String> unresolvable(JsonNode body) {
        List<String> found = new java.util.ArrayList<>();
        for (JsonNode reference : references(body)) {
            if (!reference.path("ref").isTextual()) {
                found.add(reference.path("kind").asText() + " " + reference.path("target").asText());
            }
        }
        return found;
    }

    /** Forgets which references were missing, so a command sent again looks each of them up again. */
    public static void uncheck(JsonNode body) {
        for (JsonNode reference : references(body)) {
            ((ObjectNode) reference).put("checked", false);
        }
    }

    /**
     * The body with every text field as OpenProject should hold it when the entities {@code openProjectIdOf} knows
     * are migrated: what the report expects. The lookup takes reference keys: {@code issue_key:<KEY>},
     * {@code user:<jiraId>}, {@code user_name:<Data Center username in lower case>} (see
     * {@link References#userNameReference}), {@code attachment:<jiraId>}. The body itself is not changed.
     */
    public static ObjectNode expected(ObjectNode body, Function<String, Optional<Long>> openProjectIdOf) {
        ObjectNode copy = body.deepCopy();
        for (JsonNode text : texts(copy)) {
            render(copy, (ObjectNode) text, openProjectIdOf);
        }
        return copy;
    }

    /** Writes the text field from its template: each reference resolved where an id is known, else its fallback. */
    private static void render(ObjectNode body, ObjectNode text, Function<String, Optional<Long>> openProjectIdOf) {
        JsonNode references = text.path("references");
        String site = text.path("site").asText(null);
        String markdown = LinkedMarkdown.render(text.path("template").asText(), references.size(), index -> {
            JsonNode entry = references.get(index);
            SoftReference reference = new SoftReference(SoftReference.Kind.valueOf(entry.path("kind").asText()),
                    entry.path("target").asText(), entry.path("label").asText());
            Optional<Long> id = entry.path("id").isIntegralNumber() ? Optional.of(entry.path("id").asLong())
                    : entry.path("ref").isTextual() ? openProjectIdOf.apply(entry.path("ref").asText()) : Optional.empty();
            return id.map(known -> SoftReferenceText.resolved(reference, known))
                    .orElseGet(() -> SoftReferenceText.fallback(reference, site));
        });
        String pointer = text.path("pointer").asText();
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = body.at(pointer.substring(0, slash));
        ObjectNode field = parent instanceof ObjectNode object ? object : body.withObject(pointer.substring(0, slash));
        field.put(pointer.substring(slash + 1), markdown);
    }

    private static Iterable<JsonNode> texts(JsonNode body) {
        return body == null ? List.of() : body.path(SECTION).path(TEXTS);
    }

    private static List<JsonNode> references(JsonNode body) {
        List<JsonNode> all = new java.util.ArrayList<>();
        for (JsonNode text : texts(body)) {
            text.path("references").forEach(all::add);
        }
        return all;
    }
}
