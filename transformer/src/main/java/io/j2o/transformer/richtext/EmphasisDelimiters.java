package io.j2o.transformer.richtext;

import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Makes sure every emphasis, strong emphasis and strikethrough in an inline tree will be read back as such.
 *
 * <p>CommonMark only accepts a delimiter run that is "flanking": {@code a**(b)**c} is not bold, because the closing
 * {@code **} follows punctuation and precedes a letter. ADF has no such rule, and the renderer writes delimiters
 * regardless, so a span whose delimiters would not flank is written as inline HTML ({@code <strong>}, {@code <em>},
 * {@code <del>}) instead, which GFM renders the same way.
 */
final class EmphasisDelimiters {

    private static final int EDGE = -1; // start or end of the block: counts as whitespace

    private EmphasisDelimiters() {
    }

    /** Rewrites, below {@code parent}, every emphasis-like node whose delimiters would not flank. */
    static void makeReadable(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            makeReadable(child);
            if (isEmphasisLike(child) && !delimitersFlank(child)) {
                replaceWithHtml(child);
            }
            child = next;
        }
    }

    private static boolean delimitersFlank(Node node) {
        if (node instanceof Emphasis && !usesStars(node)) {
            // The core renderer switches emphasis to "_" right after a "*"; "_" may not open or close inside a word.
            int last = lastChar(node.getLastChild());
            int after = firstCharAfter(node);
            return canOpen('*', firstChar(node.getFirstChild()), true) && canClose(last, after, true);
        }
        if (node instanceof Strikethrough) {
            return canOpen(lastCharBefore(node), firstChar(node.getFirstChild()), false)
                    && canClose(lastChar(node.getLastChild()), firstCharAfter(node), false);
        }
        // Neighbouring "*" delimiters merge into one run ("*a***b**"), so look past them to the text around the run.
        return canOpen(runBefore(node), contentFirst(node), false) && canClose(contentLast(node), runAfter(node), false);
    }

    private static boolean usesStars(Node node) {
        return node instanceof StrongEmphasis || node instanceof Emphasis && lastCharBefore(node) != '*';
    }

    private static int runBefore(Node node) {
        Node previous = node.getPrevious();
        if (previous != null) {
            return usesStars(previous) ? contentLast(previous) : lastChar(previous);
        }
        return usesStars(node.getParent()) ? runBefore(node.getParent()) : openingOf(node.getParent());
    }

    private static int runAfter(Node node) {
        Node next = node.getNext();
        if (next != null) {
            return usesStars(next) ? contentFirst(next) : firstChar(next);
        }
        return usesStars(node.getParent()) ? runAfter(node.getParent()) : closingOf(node.getParent());
    }

    private static int contentFirst(Node starred) {
        Node first = starred.getFirstChild();
        return first != null && usesStars(first) ? contentFirst(first) : firstChar(first);
    }

    private static int contentLast(Node starred) {
        Node last = starred.getLastChild();
        return last != null && usesStars(last) ? contentLast(last) : lastChar(last);
    }

    private static boolean canOpen(int before, int first, boolean underscore) {
        boolean left = leftFlanking(before, first);
        return underscore ? left && (!rightFlanking(before, first) || isPunctuation(before)) : left;
    }

    private static boolean canClose(int last, int after, boolean underscore) {
        boolean right = rightFlanking(last, after);
        return underscore ? right && (!leftFlanking(last, after) || isPunctuation(after)) : right;
    }

    private static boolean leftFlanking(int before, int after) {
        return !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
    }

    private static boolean rightFlanking(int before, int after) {
        return !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
    }

    private static int lastCharBefore(Node node) {
        if (node.getPrevious() != null) {
            return lastChar(node.getPrevious());
        }
        return openingOf(node.getParent());
    }

    private static int firstCharAfter(Node node) {
        if (node.getNext() != null) {
            return firstChar(node.getNext());
        }
        return closingOf(node.getParent());
    }

    /** The first character the renderer writes for {@code node} (escapes are punctuation, as the escaped character). */
    private static int firstChar(Node node) {
        if (node == null) {
            return EDGE;
        }
        if (node instanceof Text text) {
            return text.getLiteral().isEmpty() ? firstCharAfter(node) : text.getLiteral().codePointAt(0);
        }
        if (isEmphasisLike(node) || node instanceof Link || node instanceof Code || node instanceof HtmlInline) {
            return openingOf(node);
        }
        return node.getFirstChild() != null ? firstChar(node.getFirstChild()) : ' ';
    }

    private static int lastChar(Node node) {
        if (node == null) {
            return EDGE;
        }
        if (node instanceof Text text) {
            String literal = text.getLiteral();
            return literal.isEmpty() ? lastCharBefore(node) : literal.codePointBefore(literal.length());
        }
        if (isEmphasisLike(node) || node instanceof Link || node instanceof Code || node instanceof HtmlInline) {
            return closingOf(node);
        }
        return node.getLastChild() != null ? lastChar(node.getLastChild()) : ' ';
    }

    private static int openingOf(Node container) {
        if (container instanceof Strikethrough) {
            return '~';
        }
        if (container instanceof Emphasis || container instanceof StrongEmphasis) {
            return '*';
        }
        if (container instanceof Link) {
            return '[';
        }
        if (container instanceof Code) {
            return '`';
        }
        if (container instanceof HtmlInline) {
            return '<';
        }
        return container instanceof TableCell ? '|' : EDGE;
    }

    private static int closingOf(Node container) {
        if (container instanceof Link) {
            return ']';
        }
        if (container instanceof HtmlInline) {
            return '>';
        }
        return openingOf(container);
    }

    private static boolean isEmphasisLike(Node node) {
        return node instanceof Emphasis || node instanceof StrongEmphasis || node instanceof Strikethrough;
    }

    private static void replaceWithHtml(Node node) {
        String tag = node instanceof Strikethrough ? "del" : node instanceof StrongEmphasis ? "strong" : "em";
        node.insertBefore(html("<" + tag + ">"));
        for (Node child = node.getFirstChild(); child != null; ) {
            Node next = child.getNext();
            node.insertBefore(child);
            child = next;
        }
        node.insertBefore(html("</" + tag + ">"));
        node.unlink();
    }

    private static HtmlInline html(String literal) {
        HtmlInline html = new HtmlInline();
        html.setLiteral(literal);
        return html;
    }

    /** CommonMark's Unicode whitespace; {@code -1} (the edge of a block) counts as whitespace. */
    static boolean isWhitespace(int c) {
        return c == EDGE || Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    /** CommonMark 0.31 punctuation: Unicode categories P and S. */
    private static boolean isPunctuation(int c) {
        if (c == EDGE) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                    Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }
}
