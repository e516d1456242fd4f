package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * Puts into the text what a migration must turn into references: the key of another issue of the site and a
 * mention of a site user (ADF {@code mention}) in about a third of the descriptions and a quarter of the first
 * comments, and in the description of every issue with an image attachment that image inline (ADF
 * {@code mediaSingle}/{@code media} with the file name as {@code alt}). Runs after the attachments exist.
 */
final class TextReferenceGenerator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Random random;
    private final List<ObjectNode> users;

    TextReferenceGenerator(Random random, List<ObjectNode> users) {
        this.random = random;
        this.users = users;
    }

    void write(List<ObjectNode> issues) {
        if (issues.size() < 2) {
            return;
        }
        for (ObjectNode issue : issues) {
            JsonNode fields = issue.get("fields");
            Optional<JsonNode> image = StreamSupport.stream(fields.path("attachment").spliterator(), false)
                    .filter(attachment -> attachment.path("mimeType").asText().startsWith("image/")).findFirst();
            if (fields.get("description") instanceof ObjectNode description) {
                ArrayNode content = (ArrayNode) description.get("content");
                if (image.isPresent() || random.nextInt(3) == 0) {
                    content.add(referenceParagraph(issue, issues));
                }
                image.ifPresent(attachment -> content.add(inlineImage(attachment.get("filename").asText())));
            }
            JsonNode first = fields.path("comment").path("comments").path(0);
            if (first.path("body") instanceof ObjectNode body && random.nextInt(4) == 0) {
                ((ArrayNode) body.get("content")).add(referenceParagraph(issue, issues));
            }
        }
    }

    /** "Related to OTHER-3, @Someone please have a look." */
    private ObjectNode referenceParagraph(ObjectNode issue, List<ObjectNode> issues) {
        ObjectNode other;
        do {
            other = issues.get(random.nextInt(issues.size()));
        } while (other == issue);
        ObjectNode user = users.get(random.nextInt(users.size() - 1));
        ObjectNode paragraph = JSON.objectNode().put("type", "paragraph");
        ArrayNode inline = paragraph.putArray("content");
        inline.addObject().put("type", "text").put("text", "Related to " + other.get("key").asText() + ", ");
        inline.addObject().put("type", "mention").putObject("attrs").put("id", user.get("accountId").asText())
                .put("text", "@" + user.get("displayName").asText()).put("accessLevel", "");
        inline.addObject().put("type", "text").put("text", " please have a look.");
        return paragraph;
    }

    private ObjectNode inlineImage(String filename) {
        ObjectNode single = JSON.objectNode().put("type", "mediaSingle");
        single.putObject("attrs").put("layout", "center");
        ObjectNode media = single.putArray("content").addObject().put("type", "media");
        media.putObject("attrs").put("type", "file").put("id", new UUID(random.nextLong(), random.nextLong()).toString())
                .put("collection", "").put("alt", filename).put("width", 640).put("height", 480);
        return single;
    }
}
