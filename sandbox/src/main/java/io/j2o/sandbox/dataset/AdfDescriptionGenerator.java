package io.j2o.sandbox.dataset;

import static io.j2o.sandbox.dataset.DatasetVocabulary.pick;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Random;

/**
 * Writes random but well-formed Atlassian Document Format documents (descriptions and comments) covering the node and
 * mark types we map.
 */
final class AdfDescriptionGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;

    AdfDescriptionGenerator(Random random) {
        this.random = random;
    }

    ObjectNode document(String topic) {
        ObjectNode doc = JSON.objectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        content.add(richParagraph(topic));
        int extraBlocks = random.nextInt(4);
        for (int i = 0; i < extraBlocks; i++) {
            content.add(switch (random.nextInt(5)) {
                case 0 -> heading();
                case 1 -> list("bulletList");
                case 2 -> list("orderedList");
                case 3 -> codeBlock();
                default -> richParagraph(topic);
            });
        }
        return doc;
    }

    /** A comment: one or two paragraphs, the first with marks and maybe a link, the second plain. */
    ObjectNode comment(String topic) {
        ObjectNode doc = JSON.objectNode();
        doc.put("type", "doc");
        doc.put("version", 1);
        ArrayNode content = doc.putArray("content");
        content.add(richParagraph(topic));
        if (random.nextBoolean()) {
            content.add(block("paragraph", JSON.arrayNode().add(text(pick(random, DatasetVocabulary.SENTENCES), null))));
        }
        return doc;
    }

    private ObjectNode richParagraph(String topic) {
        ArrayNode inline = JSON.arrayNode();
        inline.add(text(pick(random, DatasetVocabulary.SENTENCES) + " ", null));
        inline.add(text(topic, random.nextBoolean() ? "strong" : "em"));
        inline.add(text(" uses ", null));
        inline.add(text("config.yaml", "code"));
        if (random.nextBoolean()) {
            inline.add(text(". Details: ", null));
            ObjectNode link = text("runbook", null);
            ObjectNode mark = link.putArray("marks").addObject();
            mark.put("type", "link");
            mark.putObject("attrs").put("href", pick(random, DatasetVocabulary.URLS));
            inline.add(link);
        }
        return block("paragraph", inline);
    }

    private ObjectNode heading() {
        ObjectNode heading = block("heading", JSON.arrayNode().add(text(random.nextBoolean() ? "Context" : "Acceptance criteria", null)));
        heading.putObject("attrs").put("level", 2 + random.nextInt(2));
        return heading;
    }

    private ObjectNode list(String type) {
        ArrayNode items = JSON.arrayNode();
        int count = 2 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            ObjectNode paragraph = block("paragraph", JSON.arrayNode().add(text(pick(random, DatasetVocabulary.SENTENCES), null)));
            items.add(block("listItem", JSON.arrayNode().add(paragraph)));
        }
        ObjectNode list = block(type, items);
        if (type.equals("orderedList")) {
            list.putObject("attrs").put("order", 1);
        }
        return list;
    }

    private ObjectNode codeBlock() {
        String language = pick(random, DatasetVocabulary.LANGUAGES);
        ObjectNode code = block("codeBlock", JSON.arrayNode().add(text(switch (language) {
            case "java" -> "if (order == null) {\n    throw new IllegalStateException(\"no order\");\n}";
            case "sql" -> "SELECT id, key FROM issue WHERE updated >= '2025-03-01';";
            case "json" -> "{\"status\": 500, \"error\": \"*boom*\"}";
            case "bash" -> "curl -s https://example.com/health | jq '.status'";
            case "yaml" -> "retries: 3\nbackoff: exponential";
            default -> "print(f\"{len(items)} items\")";
        }, null)));
        code.putObject("attrs").put("language", language);
        return code;
    }

    private static ObjectNode block(String type, ArrayNode content) {
        ObjectNode node = JSON.objectNode();
        node.put("type", type);
        node.set("content", content);
        return node;
    }

    private static ObjectNode text(String text, String mark) {
        ObjectNode node = JSON.objectNode();
        node.put("type", "text");
        node.put("text", text);
        if (mark != null) {
            node.putArray("marks").addObject().put("type", mark);
        }
        return node;
    }
}
