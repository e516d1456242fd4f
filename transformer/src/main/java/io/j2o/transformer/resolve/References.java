package io.j2o.transformer.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.topics.EntityKeys;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Placeholders for references to other migrated entities: a rule writes {@code j2o:ref:<command key>} where an
 * OpenProject href belongs, and the resolver replaces it with the href from that entity's mapping.
 */
public final class References {

    static final String PREFIX = "j2o:ref:";

    private References() {
    }

    public static String placeholder(CommandKind kind, String jiraId) {
        return PREFIX + EntityKeys.commandKey(kind, jiraId);
    }

    /** The command key of the first reference still unresolved in the body, depth first, if any. */
    public static Optional<String> firstUnresolved(JsonNode body) {
        if (body == null) {
            return Optional.empty();
        }
        if (body.isTextual() && body.asText().startsWith(PREFIX)) {
            return Optional.of(body.asText().substring(PREFIX.length()));
        }
        for (JsonNode child : body) {
            Optional<String> found = firstUnresolved(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Replaces every placeholder for {@code referenceKey} with {@code href}, in place. */
    public static void resolve(JsonNode body, String referenceKey, String href) {
        if (body == null || !body.isContainerNode()) {
            return;
        }
        String placeholder = PREFIX + referenceKey;
        if (body instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (placeholder.equals(field.getValue().asText(null)) && field.getValue().isTextual()) {
                    field.setValue(TextNode.valueOf(href));
                } else {
                    resolve(field.getValue(), referenceKey, href);
                }
            }
        } else {
            for (int i = 0; i < body.size(); i++) {
                JsonNode element = body.get(i);
                if (element.isTextual() && placeholder.equals(element.asText())) {
                    ((ArrayNode) body).set(i, TextNode.valueOf(href));
                } else {
                    resolve(element, referenceKey, href);
                }
            }
        }
    }
}
