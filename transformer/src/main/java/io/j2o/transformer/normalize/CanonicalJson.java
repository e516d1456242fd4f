package io.j2o.transformer.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Jira payloads reduced to what matters for a change: volatile fields (links to self, expansions, rendered views,
 * per-user state) removed at every depth and object keys sorted, so equal content always prints the same text.
 */
public final class CanonicalJson {

    /** Fields that change without the entity changing, or that only describe the request. */
    static final Set<String> VOLATILE_FIELDS = Set.of(
            "self", "expand", "renderedFields", "transitions", "operations", "editmeta", "lastViewed",
            "names", "schema", "versionedRepresentations", "avatarUrls", "iconUrl");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    public static String of(JsonNode payload) {
        return canonical(payload).toString();
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = MAPPER.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            for (String name : names) {
                if (!VOLATILE_FIELDS.contains(name)) {
                    sorted.set(name, canonical(node.get(name)));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode copy = MAPPER.createArrayNode();
            node.forEach(element -> copy.add(canonical(element)));
            return copy;
        }
        return node;
    }
}
