package io.j2o.transformer.richtext;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/** Converts ADF inline nodes and their marks into commonmark inline nodes. */
final class AdfInlineConverter {

    /** Marks that carry no Markdown meaning: their text is kept, the styling dropped, without a warning. */
    private static final Set<String> STYLE_ONLY_MARKS = Set.of(
            "underline", "textColor", "backgroundColor", "subsup", "annotation", "fragment", "border",
            "alignment", "indentation", "breakout", "dataConsumer");

    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif", "ico");

    private final ConversionWarnings warnings;

    AdfInlineConverter(ConversionWarnings warnings) {
        this.warnings = warnings;
    }

    /** Appends the inline nodes to {@code parent}; where a line break is not allowed (headings) it becomes a space. */
    void append(Node parent, List<AdfNode> inlines, boolean lineBreaksAllowed) {
        List<Piece> pieces = new ArrayList<>();
        for (AdfNode inline : inlines) {
            addPieces(pieces, inline, lineBreaksAllowed);
        }
        // A break at either end of a paragraph is invisible in ADF but would leave stray "  " lines in Markdown.
        while (!pieces.isEmpty() && pieces.get(0).lineBreak()) {
            pieces.remove(0);
        }
        while (!pieces.isEmpty() && pieces.get(pieces.size() - 1).lineBreak()) {
            pieces.remove(pieces.size() - 1);
        }
        wrap(parent, pieces, 0, pieces.size(), 0);
        InlineTidy.tidy(parent);
    }

    /** A link to a smart card's URL, or null (with a warning) when the card names no URL. */
    Link cardLink(AdfNode card) {
        String url = card.attr("url");
        if (url == null) {
            url = textOrNull(card.attrNode("data").path("url"));
        }
        if (url == null) {
            warnings.add(card, card.type() + " without a URL dropped");
            return null;
        }
        Link link = new Link(url, null);
        link.appendChild(new Text(url));
        return link;
    }

    /** The text of media that names no file. */
    private static String mediaPlaceholder(AdfNode media) {
        String name = media.attr("alt");
        for (String fallback : new String[] {"id", "url"}) {
            if (name == null) {
                name = media.attr(fallback);
            }
        }
        return "[attachment: " + (name == null ? "unknown" : name) + "]";
    }

    /** A mention of a Jira user (attrs.id, the accountId) is a soft reference to that user's migrated account. */
    private static String mention(AdfNode mention) {
        String name = stripLeadingAt(firstNonNull(mention.attr("text"), mention.attr("id"), "unknown"));
        String id = mention.attr("id");
        return id == null ? "@" + name : SoftReferenceMarkers.marker(SoftReference.Kind.USER, id, name);
    }

    /**
     * Media named by its file name (attrs.alt) is a soft reference to the issue's attachment of that name: shown
     * inline when it is an image, else (a PDF, a log) linked to, as Jira shows it as a file card.
     */
    static String media(AdfNode media) {
        String name = media.attr("alt");
        if (name == null || name.isBlank()) {
            return mediaPlaceholder(media);
        }
        SoftReference.Kind kind = isImage(name) ? SoftReference.Kind.ATTACHMENT : SoftReference.Kind.ATTACHMENT_LINK;
        return SoftReferenceMarkers.marker(kind, name, name);
    }

    /** A file browsers show as an image, by its extension; a name without one is taken for an image, as before. */
    private static boolean isImage(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).strip().toLowerCase(Locale.ROOT));
    }

    /** The fallback text an extension carries for renderers that do not know it, or null (with a warning). */
    String extensionText(AdfNode extension) {
        String text = extension.attr("text");
        if (text == null) {
            String key = extension.attr("extensionKey");
            warnings.add(extension, extension.type() + " '" + (key == null ? "?" : key) + "' has no text; dropped");
        }
        return text;
    }

    private void addPieces(List<Piece> pieces, AdfNode node, boolean lineBreaksAllowed) {
        switch (node.type()) {
            case "text" -> addText(pieces, node, lineBreaksAllowed);
            case "hardBreak" -> pieces.add(lineBreak(lineBreaksAllowed, List.of()));
            case "mention" -> addPlain(pieces, mention(node));
            case "emoji" -> addPlain(pieces, firstNonNull(node.attr("text"), node.attr("shortName"), ""));
            case "date" -> addPlain(pieces, isoDate(node));
            case "status" -> addPlain(pieces, "[" + firstNonNull(node.attr("text"), "", "").toUpperCase(Locale.ROOT) + "]");
            case "inlineCard", "blockCard", "embedCard" -> {
                Link link = cardLink(node);
                if (link != null) {
                    pieces.add(new Piece(link, List.of(), false));
                }
            }
            case "media", "mediaInline" -> addPlain(pieces, media(node));
            case "mediaSingle", "mediaGroup" -> {
                // Invalid ADF seen in real payloads nests these in paragraphs; keep each media item as its placeholder.
                for (AdfNode child : node.children()) {
                    addPieces(pieces, child, lineBreaksAllowed);
                }
            }
            case "placeholder" -> {
                // Editor prompt text ("Type something"), not content.
            }
            case "inlineExtension", "extension" -> {
                String text = extensionText(node);
                if (text != null) {
                    addPlain(pieces, text);
                }
            }
            default -> {
                warnings.add(node, "node type '" + node.type() + "' not supported inline; kept its text");
                addPlain(pieces, node.textContent());
            }
        }
    }

    private void addText(List<Piece> pieces, AdfNode node, boolean lineBreaksAllowed) {
        String text = SoftReferenceMarkers.clean(node.text());
        if (text.isEmpty()) {
            return;
        }
        List<Mark> marks = new ArrayList<>();
        boolean code = readMarks(node, marks);
        if (code) {
            // A code span cannot hold a line break; inside it a newline would read as a space anyway.
            pieces.add(new Piece(new Code(text.replace('\n', ' ')), marks, false));
            return;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                pieces.add(lineBreak(lineBreaksAllowed, marks));
            }
            if (!lines[i].isEmpty()) {
                pieces.add(new Piece(new Text(lines[i]), marks, false));
            }
        }
    }

    /** Fills {@code marks} with the node's wrapping marks, outermost first, and says whether it is code. */
    private boolean readMarks(AdfNode node, List<Mark> marks) {
        JsonNode array = node.json().path("marks");
        boolean code = false;
        for (int i = 0; i < array.size(); i++) {
            JsonNode mark = array.get(i);
            String type = mark.path("type").asText("");
            switch (type) {
                case "strong", "em", "strike" -> marks.add(new Mark(type, null, null));
                case "code" -> code = true;
                case "link" -> {
                    String href = textOrNull(mark.path("attrs").path("href"));
                    if (href != null) {
                        marks.add(new Mark(type, href, textOrNull(mark.path("attrs").path("title"))));
                    }
                }
                default -> {
                    if (!STYLE_ONLY_MARKS.contains(type)) {
                        warnings.add(new AdfNode(mark, node.pointer() + "/marks/" + i), "mark '" + type + "' ignored");
                    }
                }
            }
        }
        marks.sort(Comparator.comparingInt(Mark::rank));
        return code;
    }

    /**
     * Appends pieces[from, to) under {@code parent}, wrapping each run of pieces that shares its mark at
     * {@code depth} in one node: "a" and "b" both bold become {@code **ab**}, not {@code **a****b**}.
     */
    private static void wrap(Node parent, List<Piece> pieces, int from, int to, int depth) {
        int i = from;
        while (i < to) {
            Mark mark = pieces.get(i).markAt(depth);
            if (mark == null) {
                parent.appendChild(pieces.get(i).node());
                i++;
                continue;
            }
            int j = i + 1;
            while (j < to && mark.equals(pieces.get(j).markAt(depth))) {
                j++;
            }
            Node wrapper = mark.toNode();
            parent.appendChild(wrapper);
            wrap(wrapper, pieces, i, j, depth + 1);
            i = j;
        }
    }

    private static Piece lineBreak(boolean lineBreaksAllowed, List<Mark> marks) {
        return new Piece(lineBreaksAllowed ? new HardLineBreak() : new Text(" "), marks, true);
    }

    private static void addPlain(List<Piece> pieces, String text) {
        if (!text.isEmpty()) {
            pieces.add(new Piece(new Text(text), List.of(), false));
        }
    }

    private String isoDate(AdfNode date) {
        String timestamp = date.attr("timestamp");
        try {
            return Instant.ofEpochMilli(Long.parseLong(timestamp)).atOffset(ZoneOffset.UTC).toLocalDate().toString();
        } catch (NumberFormatException e) {
            warnings.add(date, "date timestamp '" + timestamp + "' is not epoch milliseconds; kept as is");
            return timestamp == null ? "" : timestamp;
        }
    }

    private static String stripLeadingAt(String name) {
        return name.startsWith("@") ? name.substring(1) : name;
    }

    private static String firstNonNull(String first, String second, String fallback) {
        return first != null ? first : second != null ? second : fallback;
    }

    private static String textOrNull(JsonNode value) {
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** A converted inline node with the marks that wrap it, outermost first. */
    private record Piece(Node node, List<Mark> marks, boolean lineBreak) {
        Mark markAt(int depth) {
            return depth < marks.size() ? marks.get(depth) : null;
        }
    }

    /** A wrapping mark; equal marks on neighbouring text share one wrapper node. */
    private record Mark(String type, String href, String title) {
        int rank() {
            // Links outermost so one link keeps its styled parts together; emphasis order is arbitrary but fixed.
            return switch (type) {
                case "link" -> 0;
                case "strike" -> 1;
                case "strong" -> 2;
                default -> 3;
            };
        }

        Node toNode() {
            return switch (type) {
                case "link" -> new Link(href, title);
                case "strike" -> new Strikethrough("~~");
                case "strong" -> new StrongEmphasis();
                default -> new Emphasis();
            };
        }
    }
}
