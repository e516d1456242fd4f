package io.j2o.transformer.richtext;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/** Reshapes a converted inline tree so that the Markdown written from it reads back as the same tree. */
final class InlineTidy {

    private InlineTidy() {
    }

    static void tidy(Node parent) {
        mergeAdjacentCode(parent);
        for (Node child = parent.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            moveEdgeWhitespaceOut(child);
            child = next;
        }
        EmphasisDelimiters.makeReadable(parent);
    }

    /** Joins neighbouring code spans: written side by side, their backtick fences would run into one another. */
    private static void mergeAdjacentCode(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            while (child instanceof Code code && code.getNext() instanceof Code next) {
                code.setLiteral(code.getLiteral() + next.getLiteral());
                next.unlink();
            }
            mergeAdjacentCode(child);
        }
    }

    /**
     * Moves whitespace at the edges of emphasis and strikethrough out of them, innermost first: "**bold **text" is
     * not bold in CommonMark, because a closing delimiter must not follow whitespace. Links may hold whitespace.
     */
    private static void moveEdgeWhitespaceOut(Node node) {
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            moveEdgeWhitespaceOut(child);
            child = next;
        }
        if (!(node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Strikethrough)) {
            return;
        }
        while (node.getFirstChild() != null && moveLeadingWhitespace(node, node.getFirstChild())) {
            // keep going: a break may be followed by a text starting with a space
        }
        while (node.getLastChild() != null && moveTrailingWhitespace(node, node.getLastChild())) {
            // keep going
        }
        if (node.getFirstChild() == null) {
            node.unlink();
        }
    }

    /** Moves a leading break or leading spaces of {@code first} in front of {@code wrapper}; true when it moved all of it. */
    private static boolean moveLeadingWhitespace(Node wrapper, Node first) {
        if (first instanceof HardLineBreak) {
            wrapper.insertBefore(first);
            return true;
        }
        if (!(first instanceof Text text)) {
            return false;
        }
        String literal = text.getLiteral();
        int start = 0;
        while (start < literal.length() && EmphasisDelimiters.isWhitespace(literal.charAt(start))) {
            start++;
        }
        if (start > 0) {
            wrapper.insertBefore(new Text(literal.substring(0, start)));
            setOrUnlink(text, literal.substring(start));
        }
        return start == literal.length();
    }

    /** Moves a trailing break or trailing spaces of {@code last} behind {@code wrapper}; true when it moved all of it. */
    private static boolean moveTrailingWhitespace(Node wrapper, Node last) {
        if (last instanceof HardLineBreak) {
            wrapper.insertAfter(last);
            return true;
        }
        if (!(last instanceof Text text)) {
            return false;
        }
        String literal = text.getLiteral();
        int end = literal.length();
        while (end > 0 && EmphasisDelimiters.isWhitespace(literal.charAt(end - 1))) {
            end--;
        }
        if (end < literal.length()) {
            wrapper.insertAfter(new Text(literal.substring(end)));
            setOrUnlink(text, literal.substring(0, end));
        }
        return end == 0;
    }

    private static void setOrUnlink(Text text, String literal) {
        if (literal.isEmpty()) {
            text.unlink();
        } else {
            text.setLiteral(literal);
        }
    }
}
