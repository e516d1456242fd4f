package io.j2o.transformer.richtext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds ADF documents for tests, so expectations read as the structure they describe. */
final class Adf {

    static final ObjectMapper JSON = new ObjectMapper();

    private Adf() {
    }

    static ObjectNode doc(JsonNode... content) {
        ObjectNode doc = node("doc", content).put("version", 1);
        if (!doc.has("content")) {
            doc.putArray("content");
        }
        return doc;
    }

    static ObjectNode node(String type, JsonNode... content) {
        ObjectNode node = JSON.createObjectNode().put("type", type);
        if (content.length > 0) {
            ArrayNode array = node.putArray("content");
            for (JsonNode child : content) {
                array.add(child);
            }
        }
        return node;
    }

    /** A node with attributes given as alternating name/value pairs; values that look like integers become numbers. */
    static ObjectNode withAttrs(ObjectNode node, Object... attrs) {
        ObjectNode attrNode = node.putObject("attrs");
        for (int i = 0; i < attrs.length; i += 2) {
            attrNode.set((String) attrs[i], JSON.valueToTree(attrs[i + 1]));
        }
        return node;
    }

    static ObjectNode p(JsonNode... inlines) {
        return node("paragraph", inlines);
    }

    static ObjectNode text(String text, JsonNode... marks) {
        ObjectNode node = node("text").put("text", text);
        if (marks.length > 0) {
            ArrayNode array = node.putArray("marks");
            for (JsonNode mark : marks) {
                array.add(mark);
            }
        }
        return node;
    }

    static ObjectNode mark(String type, Object... attrs) {
        ObjectNode mark = node(type);
        return attrs.length == 0 ? mark : withAttrs(mark, attrs);
    }

    static ObjectNode li(JsonNode... blocks) {
        return node("listItem", blocks);
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
