package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes an Atlassian Document Format document as the Jira wiki markup a Data Center site stores for the same text:
 * paragraphs, headings, nested lists, code blocks, quotes, rules, inline images ({@code !file.png!}), mentions
 * ({@code [~username]}) and the common marks.
 */
final class AdfWikiText {

    private final Function<String, Optional<String>> usernames;

    private AdfWikiText(Function<String, Optional<String>> usernames) {
        this.usernames = usernames;
    }

    static boolean isDocument(JsonNode node) {
        return node.isObject() && node.path("type").asText().equals("doc") && node.path("content").isArray();
    }

    /** The document's wiki markup, a mention written as its display text. */
    static String convert(JsonNode document) {
        return convert(document, accountId -> Optional.empty());
    }

    /** The document's wiki markup, a mention written {@code [~username]} when {@code usernames} knows the account. */
    static String convert(JsonNode document, Function<String, Optional<String>> usernames) {
        return String.join("\n\n", new AdfWikiText(usernames).blocks(document.path("content"), ""));
    }

    private List<String> blocks(JsonNode content, String listPrefix) {
        List<String> blocks = new ArrayList<>();
        for (JsonNode block : content) {
            blocks.add(block(block, listPrefix));
        }
        return blocks;
    }

    private String block(JsonNode block, String listPrefix) {
        return switch (block.path("type").asText()) {
            case "heading" -> "h" + Math.max(1, Math.min(6, block.path("attrs").path("level").asInt(1))) + ". "
                    + inline(block.path("content"));
            case "bulletList" -> list(block, listPrefix + "*");
            case "orderedList" -> list(block, listPrefix + "#");
            case "codeBlock" -> "{code" + (block.path("attrs").hasNonNull("language")
                    ? ":" + block.path("attrs").path("language").asText() : "") + "}\n"
                    + plain(block.path("content")) + "\n{code}";
            case "blockquote" -> "{quote}\n" + String.join("\n\n", blocks(block.path("content"), "")) + "\n{quote}";
            case "rule" -> "----";
            case "mediaSingle" -> "!" + block.path("content").path(0).path("attrs").path("alt").asText("") + "!";
            default -> inline(block.path("content"));
        };
    }

    /** One line per item; a nested list follows its item's text with a longer prefix, as wiki markup nests. */
    private String list(JsonNode list, String prefix) {
        List<String> lines = new ArrayList<>();
        for (JsonNode item : list.path("content")) {
            StringBuilder text = new StringBuilder();
            List<String> nested = new ArrayList<>();
            for (JsonNode child : item.path("content")) {
                String type = child.path("type").asText();
                if (type.equals("bulletList") || type.equals("orderedList")) {
                    nested.add(block(child, prefix));
                } else {
                    text.append(text.length() == 0 ? "" : " ").append(inline(child.path("content")));
                }
            }
            lines.add(prefix + " " + text);
            lines.addAll(nested);
        }
        return String.join("\n", lines);
    }

    private String inline(JsonNode content) {
        StringBuilder text = new StringBuilder();
        for (JsonNode node : content) {
            switch (node.path("type").asText()) {
                case "text" -> text.append(marked(node));
                case "hardBreak" -> text.append("\\\\\n");
                case "mention" -> text.append(usernames.apply(node.path("attrs").path("id").asText())
                        .map(name -> "[~" + name + "]")
                        .orElseGet(() -> escape(node.path("attrs").path("text").asText(""))));
                default -> text.append(inline(node.path("content")));
            }
        }
        return text.toString();
    }

    private static String marked(JsonNode node) {
        String text = node.path("text").asText("");
        String href = null;
        boolean code = false;
        List<String> wraps = new ArrayList<>();
        for (JsonNode mark : node.path("marks")) {
            switch (mark.path("type").asText()) {
                case "strong" -> wraps.add("*");
                case "em" -> wraps.add("_");
                case "strike" -> wraps.add("-");
                case "code" -> code = true;
                case "link" -> href = mark.path("attrs").path("href").asText(null);
                default -> {
                    // underline, colours and the like have no wiki form we need
                }
            }
        }
        String written = code ? "{{" + text + "}}" : escape(text);
        for (String wrap : wraps) {
            written = wrap + written + wrap;
        }
        return href == null ? written : "[" + written + "|" + href + "]";
    }

    private static String plain(JsonNode content) {
        StringBuilder text = new StringBuilder();
        content.forEach(node -> text.append(node.path("text").asText("")));
        return text.toString();
    }

    /** Characters that would start markup are escaped with a backslash, as Jira's editor does. */
    private static String escape(String text) {
        return text.replaceAll("([*_{}\\[\\]|])", "\\\\$1");
    }
}
