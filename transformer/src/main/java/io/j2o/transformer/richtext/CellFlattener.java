package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Moves converted block content into one GFM table cell as a single line: blocks and line breaks become
 * {@code <br>} (the only line break a GFM cell can hold), list items keep a "- " or "1. " prefix, code blocks become
 * code spans.
 */
final class CellFlattener {

    private final TableCell cell;
    private boolean breakDue;

    CellFlattener(TableCell cell) {
        this.cell = cell;
    }

    void flatten(Node container) {
        List<Node> children = new ArrayList<>();
        for (Node child = container.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        children.forEach(this::block);
    }

    /** Flattens the content into the cell, then keeps a trailing backslash from escaping the cell's closing pipe. */
    void flattenCell(Node content) {
        flatten(content);
        // "\\|" reads as a backslash followed by an escaped pipe to GFM's row splitter, which merges two cells.
        if (cell.getLastChild() instanceof Text last && last.getLiteral().endsWith("\\")) {
            cell.appendChild(new Text(" "));
        }
    }

    private void block(Node block) {
        if (block instanceof Paragraph || block instanceof Heading || block instanceof TableCell) {
            startLine();
            moveInlines(block);
        } else if (block instanceof FencedCodeBlock code) {
            codeSpan(code.getLiteral());
        } else if (block instanceof IndentedCodeBlock code) {
            codeSpan(code.getLiteral());
        } else if (block instanceof ListBlock list) {
            listItems(list);
        } else if (!(block instanceof ThematicBreak)) {
            // Quotes, nested tables and their rows: their content matters, their frame cannot be kept.
            flatten(block);
        }
    }

    private void listItems(ListBlock list) {
        int number = list instanceof OrderedList ordered ? ordered.getMarkerStartNumber() : -1;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            startLine();
            cell.appendChild(new Text(number < 0 ? "- " : (number++) + ". "));
            breakDue = false; // the item's first block continues the marker's line
            if (item instanceof ListItem) {
                flatten(item);
            }
        }
    }

    private void codeSpan(String literal) {
        String code = literal.strip().replace('\n', ' ');
        if (!code.isEmpty()) {
            startLine();
            cell.appendChild(new Code(code));
        }
    }

    private void moveInlines(Node block) {
        List<Node> inlines = new ArrayList<>();
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            inlines.add(child);
        }
        for (Node inline : inlines) {
            cell.appendChild(inline);
            replaceLineBreaks(inline);
        }
    }

    private static void replaceLineBreaks(Node node) {
        if (node instanceof HardLineBreak || node instanceof SoftLineBreak) {
            node.insertBefore(br());
            node.unlink();
            return;
        }
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            replaceLineBreaks(child);
            child = next;
        }
    }

    private void startLine() {
        if (breakDue) {
            cell.appendChild(br());
        }
        breakDue = true;
    }

    private static HtmlInline br() {
        HtmlInline br = new HtmlInline();
        br.setLiteral("<br>");
        return br;
    }
}
