package io.j2o.transformer.richtext;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One ADF node together with its JSON pointer, so every problem can say where it is. */
record AdfNode(JsonNode json, String pointer) {

    /** Node types that ADF allows inside a paragraph; a run of them at block level becomes one paragraph. */
    private static final Set<String> INLINE_TYPES = Set.of(
            "text", "hardBreak", "mention", "emoji", "inlineCard", "date", "status",
            "mediaInline", "placeholder", "inlineExtension");

    static AdfNode root(JsonNode json) {
        return new AdfNode(json, "");
    }

    String type() {
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual()) {
            throw new RichTextException("ADF node has no textual 'type'", pointer);
        }
        return type.asText();
    }

    boolean isInline() {
        return INLINE_TYPES.contains(type());
    }

    /** The child nodes; a node without {@code content} has none, a {@code content} that is not an array of objects is a structural error. */
    List<AdfNode> children() {
        JsonNode content = json.get("content");
        if (content == null || content.isNull()) {
            return List.of();
        }
        if (!content.isArray()) {
            throw new RichTextException("'content' must be an array, was " + content.getNodeType(), pointer + "/content");
        }
        List<AdfNode> children = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            String childPointer = pointer + "/content/" + i;
            if (!content.get(i).isObject()) {
                throw new RichTextException("ADF node must be an object, was " + content.get(i).getNodeType(), childPointer);
            }
            children.add(new AdfNode(content.get(i), childPointer));
        }
        return children;
    }

    /** The attribute as text, or null when absent, null or blank. */
    String attr(String name) {
        JsonNode value = json.path("attrs").path(name);
        if (value.isMissingNode() || value.isNull() || value.isContainerNode() || value.asText().isBlank()) {
            return null;
        }
        return value.asText();
    }

    JsonNode attrNode(String name) {
        return json.path("attrs").path(name);
    }

    /** The {@code text} of a text node; empty when absent. */
    String text() {
        JsonNode text = json.get("text");
        return text != null && text.isTextual() ? text.asText() : "";
    }

    /** All text below this node, inline siblings joined directly, block siblings with a space between. */
    String textContent() {
        if (json.has("text")) {
            return text();
        }
        String fallback = attr("text");
        List<AdfNode> children = children();
        if (children.isEmpty()) {
            return fallback == null ? "" : fallback;
        }
        boolean allInline = children.stream().allMatch(AdfNode::isInline);
        List<String> parts = new ArrayList<>();
        for (AdfNode child : children) {
            String part = child.textContent();
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join(allInline ? "" : " ", parts);
    }
}
