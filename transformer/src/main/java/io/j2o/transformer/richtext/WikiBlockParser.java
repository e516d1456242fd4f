package io.j2o.transformer.richtext;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;

/**
 * Parses wiki markup into a commonmark document. Block macros ({@code {code}}, {@code {noformat}}, {@code {quote}},
 * {@code {panel}}) are found first, wherever they start; the text between them is read line by line: headings,
 * {@code bq.}, {@code ----}, list and table lines, and paragraphs (a newline inside a paragraph is a line break,
 * as in Jira). A macro without its closing tag is left to the inline parser, which keeps it as text.
 */
final class WikiBlockParser {

    private static final Set<String> BLOCK_MACROS = Set.of("code", "noformat", "quote", "panel");

    private final WikiSource source;
    private final String text;
    private final WikiInlineParser inlines;
    /** Per macro name and search limit, the offset from which no closing tag was found: keeps the search linear. */
    private final Map<String, Integer> noClosingTagFrom = new HashMap<>();

    WikiBlockParser(WikiSource source) {
        this.source = source;
        this.text = source.text();
        this.inlines = new WikiInlineParser(source);
    }

    static boolean isBlockMacro(String name) {
        return BLOCK_MACROS.contains(name);
    }

    Document parse() {
        Document document = new Document();
        appendBlocks(document, 0, text.length());
        return document;
    }

    private void appendBlocks(Node parent, int start, int end) {
        int textStart = start;
        for (int i = text.indexOf('{', start); i >= 0 && i < end; i = text.indexOf('{', i + 1)) {
            WikiMacro tag = WikiMacro.at(text, i, end);
            if (tag == null || !BLOCK_MACROS.contains(tag.name())) {
                continue;
            }
            WikiMacro close = closingTag(tag, end);
            if (close == null) {
                continue;
            }
            if (isInlineCode(tag, close)) {
                i = close.end() - 1;
                continue;
            }
            appendLines(parent, textStart, i);
            appendMacro(parent, tag, close);
            textStart = close.end();
            i = close.end() - 1;
        }
        appendLines(parent, textStart, end);
    }

    private void appendMacro(Node parent, WikiMacro tag, WikiMacro close) {
        String title = tag.param("title");
        if (title != null && !title.isEmpty()) {
            StrongEmphasis strong = new StrongEmphasis();
            strong.appendChild(new Text(title));
            Paragraph paragraph = new Paragraph();
            paragraph.appendChild(strong);
            if (tag.name().equals("panel")) {
                BlockQuote panel = new BlockQuote();
                panel.appendChild(paragraph);
                appendBlocks(panel, tag.end(), close.start());
                parent.appendChild(panel);
                return;
            }
            parent.appendChild(paragraph);
        }
        switch (tag.name()) {
            case "code" -> {
                String language = tag.param("language");
                parent.appendChild(FencedCode.of(codeBody(tag, close), language != null ? language : tag.firstUnnamedParam()));
            }
            case "noformat" -> parent.appendChild(FencedCode.of(codeBody(tag, close), null));
            default -> {
                BlockQuote quote = new BlockQuote();
                appendBlocks(quote, tag.end(), close.start());
                if (quote.getFirstChild() != null) {
                    parent.appendChild(quote);
                }
            }
        }
    }

    /** The code between the tags, without the line break after the opening tag and the one before the closing tag. */
    private String codeBody(WikiMacro tag, WikiMacro close) {
        String body = text.substring(tag.end(), close.start());
        int first = body.indexOf('\n');
        if (first >= 0 && body.substring(0, first).isBlank()) {
            body = body.substring(first + 1);
        }
        int last = body.lastIndexOf('\n');
        if (last >= 0 && body.substring(last + 1).isBlank()) {
            body = body.substring(0, last + 1);
        }
        return body;
    }

    /** One-line code amid text ("run {code}make{code} first") is a code span, left to the inline parser. */
    private boolean isInlineCode(WikiMacro tag, WikiMacro close) {
        if (!tag.name().equals("code") && !tag.name().equals("noformat")) {
            return false;
        }
        if (text.substring(tag.end(), close.start()).indexOf('\n') >= 0) {
            return false;
        }
        int lineStart = text.lastIndexOf('\n', tag.start() - 1) + 1;
        int lineEnd = source.lineEnd(close.end(), text.length());
        return !text.substring(lineStart, tag.start()).isBlank() || !text.substring(close.end(), lineEnd).isBlank();
    }

    /**
     * The closing tag of a block macro before {@code limit}, or null. A quote or panel ends at the first closing tag
     * of its name that is not inside code; like Jira, a quote does not nest in a quote.
     */
    private WikiMacro closingTag(WikiMacro open, int limit) {
        String key = open.name() + "@" + limit;
        if (open.end() >= noClosingTagFrom.getOrDefault(key, Integer.MAX_VALUE)) {
            return null;
        }
        boolean skipsCode = !open.name().equals("code") && !open.name().equals("noformat");
        for (int i = text.indexOf('{', open.end()); i >= 0 && i < limit; i = text.indexOf('{', i + 1)) {
            WikiMacro tag = WikiMacro.at(text, i, limit);
            if (tag == null) {
                continue;
            }
            if (tag.name().equals(open.name()) && tag.isBare()) {
                return tag;
            }
            if (skipsCode && (tag.name().equals("code") || tag.name().equals("noformat"))) {
                WikiMacro codeEnd = closingTag(tag, limit);
                if (codeEnd != null) {
                    i = codeEnd.end() - 1;
                }
            }
        }
        noClosingTagFrom.merge(key, open.end(), Math::min);
        return null;
    }

    /** Reads {@code text[start, end)}, which holds no block macro, line by line. */
    private void appendLines(Node parent, int start, int end) {
        WikiListBuilder list = new WikiListBuilder(inlines);
        WikiTableBuilder table = new WikiTableBuilder(text, inlines);
        int paragraphStart = -1;
        int paragraphEnd = -1;
        for (int lineStart = start; lineStart < end; ) {
            int lineEnd = source.lineEnd(lineStart, end);
            int first = skipBlanks(lineStart, lineEnd);
            int last = lineEnd;
            while (last > first && Character.isWhitespace(text.charAt(last - 1))) {
                last--;
            }
            boolean tableRow = first < last && text.charAt(first) == '|';
            String markers = WikiListBuilder.markers(text, first, lineEnd);
            boolean ownBlock = first < last && isOwnBlock(first, last);
            boolean blockLine = first == last || tableRow || markers != null || ownBlock;
            if (blockLine && paragraphStart >= 0) {
                appendParagraph(parent, paragraphStart, paragraphEnd);
                paragraphStart = -1;
            }
            if (!tableRow && !table.isEmpty()) {
                table.flushInto(parent);
            }
            if (markers == null && !list.isEmpty()) {
                list.flushInto(parent);
            }
            if (tableRow) {
                table.addRow(first, last);
            } else if (markers != null) {
                list.add(markers, first + markers.length(), last);
            } else if (ownBlock) {
                appendOwnBlock(parent, first, last);
            } else if (first < last) {
                paragraphStart = paragraphStart < 0 ? first : paragraphStart;
                paragraphEnd = last;
            }
            lineStart = lineEnd + 1;
        }
        if (paragraphStart >= 0) {
            appendParagraph(parent, paragraphStart, paragraphEnd);
        }
        if (!table.isEmpty()) {
            table.flushInto(parent);
        }
        if (!list.isEmpty()) {
            list.flushInto(parent);
        }
    }

    /** Headings, one-line quotes and rules stand alone on their line. */
    private boolean isOwnBlock(int first, int last) {
        return headingLevel(first, last) > 0 || isPrefixed(first, last, "bq.") || isRule(first, last);
    }

    private void appendOwnBlock(Node parent, int first, int last) {
        int level = headingLevel(first, last);
        if (level > 0) {
            Heading heading = new Heading();
            heading.setLevel(level);
            inlines.append(heading, first + 3, last, false);
            if (heading.getFirstChild() != null) {
                parent.appendChild(heading);
            }
        } else if (isRule(first, last)) {
            parent.appendChild(new ThematicBreak());
        } else {
            BlockQuote quote = new BlockQuote();
            appendParagraph(quote, first + 3, last);
            if (quote.getFirstChild() != null) {
                parent.appendChild(quote);
            }
        }
    }

    private void appendParagraph(Node parent, int start, int end) {
        Paragraph paragraph = new Paragraph();
        inlines.append(paragraph, start, end, true);
        if (paragraph.getFirstChild() != null) {
            parent.appendChild(paragraph);
        }
    }

    /** 1 to 6 for {@code h1.} to {@code h6.} followed by whitespace or the end of the line, else 0. */
    private int headingLevel(int first, int last) {
        if (last - first < 3 || Character.toLowerCase(text.charAt(first)) != 'h' || text.charAt(first + 2) != '.') {
            return 0;
        }
        char digit = text.charAt(first + 1);
        boolean separated = last == first + 3 || Character.isWhitespace(text.charAt(first + 3));
        return digit >= '1' && digit <= '6' && separated ? digit - '0' : 0;
    }

    private boolean isPrefixed(int first, int last, String prefix) {
        return text.startsWith(prefix, first) && (last == first + prefix.length() || Character.isWhitespace(text.charAt(first + prefix.length())));
    }

    /** Four dashes alone on a line; three are an em dash, two an en dash, in Jira, and stay text here. */
    private boolean isRule(int first, int last) {
        return last - first == 4 && text.startsWith("----", first);
    }

    private int skipBlanks(int from, int lineEnd) {
        int i = from;
        while (i < lineEnd && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
