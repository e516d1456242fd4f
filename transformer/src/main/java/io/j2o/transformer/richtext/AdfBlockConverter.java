package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/** Converts ADF block nodes into a commonmark document tree; one instance per conversion. */
final class AdfBlockConverter {

    private static final int MAX_LIST_START = 999_999_999; // CommonMark allows at most nine digits

    private final ConversionWarnings warnings;
    private final AdfInlineConverter inlines;
    private final AdfTableConverter tables;

    AdfBlockConverter(ConversionWarnings warnings) {
        this.warnings = warnings;
        this.inlines = new AdfInlineConverter(warnings);
        this.tables = new AdfTableConverter(this, warnings);
    }

    Document convert(AdfNode doc) {
        Document document = new Document();
        appendBlocks(document, doc.children());
        return document;
    }

    /** Appends the nodes as blocks; a run of inline nodes where a block belongs becomes one paragraph. */
    void appendBlocks(Node parent, List<AdfNode> nodes) {
        List<AdfNode> inlineRun = new ArrayList<>();
        for (AdfNode node : nodes) {
            if (node.isInline()) {
                inlineRun.add(node);
                continue;
            }
            appendParagraph(parent, inlineRun);
            inlineRun.clear();
            appendBlock(parent, node);
        }
        appendParagraph(parent, inlineRun);
    }

    private void appendBlock(Node parent, AdfNode node) {
        switch (node.type()) {
            case "paragraph" -> appendParagraph(parent, node.children());
            case "heading" -> appendHeading(parent, node);
            case "bulletList", "orderedList", "taskList", "decisionList" -> parent.appendChild(list(node));
            case "codeBlock" -> parent.appendChild(codeBlock(node));
            case "blockquote" -> parent.appendChild(blockQuote(node.children()));
            case "rule" -> parent.appendChild(new ThematicBreak());
            case "panel" -> parent.appendChild(panel(node));
            case "expand", "nestedExpand" -> appendExpand(parent, node);
            case "mediaSingle", "mediaGroup" -> appendMedia(parent, node);
            case "media" -> parent.appendChild(paragraph(new Text(AdfInlineConverter.media(node))));
            case "table" -> tables.append(parent, node);
            case "blockCard", "embedCard" -> {
                Link link = inlines.cardLink(node);
                if (link != null) {
                    parent.appendChild(paragraph(link));
                }
            }
            case "extension" -> {
                String text = inlines.extensionText(node);
                if (text != null) {
                    parent.appendChild(paragraph(new Text(text)));
                }
            }
            // Containers whose children stand on their own: a stray list item, a column layout, a macro body.
            case "listItem", "taskItem", "decisionItem", "tableRow", "tableCell", "tableHeader",
                    "bodiedExtension", "layoutSection", "layoutColumn" -> appendBlocks(parent, node.children());
            default -> {
                warnings.add(node, "node type '" + node.type() + "' not supported; kept its text");
                String text = node.textContent();
                if (!text.isBlank()) {
                    parent.appendChild(paragraph(new Text(text)));
                }
            }
        }
    }

    private void appendParagraph(Node parent, List<AdfNode> inlineNodes) {
        Paragraph paragraph = new Paragraph();
        inlines.append(paragraph, inlineNodes, true);
        if (paragraph.getFirstChild() != null) {
            parent.appendChild(paragraph);
        }
    }

    private void appendHeading(Node parent, AdfNode node) {
        Heading heading = new Heading();
        heading.setLevel(clamp(node.attrNode("level").asInt(1), 1, 6));
        // A line break would turn levels 1-2 into setext headings and end levels 3-6 early.
        inlines.append(heading, node.children(), false);
        if (heading.getFirstChild() != null) {
            parent.appendChild(heading);
        }
    }

    private ListBlock list(AdfNode node) {
        ListBlock list;
        if (node.type().equals("orderedList")) {
            OrderedList ordered = new OrderedList();
            ordered.setMarkerStartNumber(clamp(node.attrNode("order").asInt(1), 0, MAX_LIST_START));
            ordered.setMarkerDelimiter(".");
            list = ordered;
        } else {
            BulletList bullets = new BulletList();
            bullets.setMarker("-");
            list = bullets;
        }
        ListItem previous = null;
        for (AdfNode child : node.children()) {
            if (isList(child) && previous != null) {
                // ADF nests a task list as a sibling of the item it belongs under.
                previous.appendChild(list(child));
                continue;
            }
            previous = listItem(child);
            list.appendChild(previous);
        }
        list.setTight(isTight(list));
        return list;
    }

    private ListItem listItem(AdfNode node) {
        ListItem item = new ListItem();
        boolean isItem = List.of("listItem", "taskItem", "decisionItem").contains(node.type());
        appendBlocks(item, isItem ? node.children() : List.of(node));
        if (node.type().equals("taskItem")) {
            TaskMarker marker = new TaskMarker("DONE".equals(node.attr("state")));
            if (item.getFirstChild() instanceof Paragraph first) {
                first.prependChild(marker);
            } else {
                item.prependChild(paragraph(marker));
            }
        }
        return item;
    }

    /**
     * Tight only when each item is at most one paragraph plus nested lists. Without blank lines, a second block would
     * run into the paragraph, a table would swallow the lines after it, tightness would reach into a quote, and a
     * nested ordered list not starting at 1 would read as text (only "1." may interrupt a paragraph).
     */
    private static boolean isTight(ListBlock list) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            int paragraphs = 0;
            for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                boolean nestedList = child instanceof BulletList
                        || child instanceof OrderedList ordered && ordered.getMarkerStartNumber() == 1;
                if (!nestedList && (!(child instanceof Paragraph) || ++paragraphs > 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isList(AdfNode node) {
        return List.of("bulletList", "orderedList", "taskList", "decisionList").contains(node.type());
    }

    private static FencedCodeBlock codeBlock(AdfNode node) {
        return FencedCode.of(node.textContent(), node.attr("language"));
    }

    private BlockQuote blockQuote(List<AdfNode> children) {
        BlockQuote quote = new BlockQuote();
        appendBlocks(quote, children);
        return quote;
    }

    /** A panel becomes a quote whose first word names its kind, e.g. "**Warning:** ...". */
    private BlockQuote panel(AdfNode node) {
        BlockQuote quote = blockQuote(node.children());
        String type = node.attr("panelType");
        String label = type == null || type.equals("custom") ? "Note" : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
        StrongEmphasis strong = new StrongEmphasis();
        strong.appendChild(new Text(label + ":"));
        if (quote.getFirstChild() instanceof Paragraph first) {
            first.prependChild(new Text(" "));
            first.prependChild(strong);
        } else {
            quote.prependChild(paragraph(strong));
        }
        return quote;
    }

    private void appendExpand(Node parent, AdfNode node) {
        String title = node.attr("title");
        if (title != null) {
            StrongEmphasis strong = new StrongEmphasis();
            strong.appendChild(new Text(title));
            parent.appendChild(paragraph(strong));
        }
        appendBlocks(parent, node.children());
    }

    private void appendMedia(Node parent, AdfNode node) {
        for (AdfNode child : node.children()) {
            if (child.type().equals("caption")) {
                appendParagraph(parent, child.children());
            } else {
                appendBlock(parent, child);
            }
        }
    }

    private static Block paragraph(Node inline) {
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(inline);
        return paragraph;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
