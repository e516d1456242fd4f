package io.j2o.transformer.richtext;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Parses the inline markup of one block of wiki text (a paragraph, heading, list item or table cell) into commonmark
 * inline nodes. A single left-to-right scan: each construct either matches where it starts, or its first character
 * is kept as text and the scan moves on, so any input ends in linear time (closing delimiters are looked up in tables
 * built once per delimiter, nesting is bounded).
 */
final class WikiInlineParser {

    private static final int MAX_NESTING = 16;
    private static final Set<String> CODE_MACROS = Set.of("code", "noformat");
    /** Styling without a Markdown equivalent: the tags go, the text stays. */
    private static final Set<String> DROPPED_MACROS = Set.of("color", "anchor");
    private static final String URL_END = "|[]<>\"";
    private static final String URL_TRAILING_PUNCTUATION = ".,;:!?'";

    private final WikiSource source;
    private final String text;
    private final Map<String, int[]> closers = new HashMap<>();
    private boolean lineBreaksAllowed;

    WikiInlineParser(WikiSource source) {
        this.source = source;
        this.text = source.text();
    }

    /**
     * Appends the inline content of {@code text[start, end)} to {@code parent}, without surrounding whitespace or
     * line breaks; where line breaks are not allowed (headings) a newline becomes a space.
     */
    void append(Node parent, int start, int end, boolean lineBreaksAllowed) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        this.lineBreaksAllowed = lineBreaksAllowed;
        parse(parent, start, end, 0, false);
        while (parent.getFirstChild() instanceof HardLineBreak) {
            parent.getFirstChild().unlink();
        }
        while (parent.getLastChild() instanceof HardLineBreak) {
            parent.getLastChild().unlink();
        }
        InlineTidy.tidy(parent);
    }

    private void parse(Node parent, int start, int end, int depth, boolean inLink) {
        Inlines out = new Inlines(parent);
        int i = start;
        while (i < end) {
            int next = construct(out, i, end, depth, inLink);
            if (next > i) {
                i = next;
            } else {
                out.text(text.charAt(i));
                i++;
            }
        }
        out.flush();
    }

    /** Converts the construct starting at {@code i} and returns where it ends, or -1 when none starts there. */
    private int construct(Inlines out, int i, int end, int depth, boolean inLink) {
        return switch (text.charAt(i)) {
            case '\n' -> lineBreak(out, i + 1, end);
            case '\\' -> escape(out, i, end);
            case '*', '_', '-', '+', '^', '~' -> effect(out, i, end, depth, inLink, text.substring(i, i + 1));
            case '?' -> effect(out, i, end, depth, inLink, "??");
            case '{' -> brace(out, i, end);
            case '[' -> inLink ? -1 : link(out, i, end, depth);
            case '!' -> image(out, i, end);
            case ':', ';', '(' -> emoticon(out, i, end);
            case 'h', 'H', 'f', 'F' -> inLink ? -1 : bareUrl(out, i, end);
            default -> -1;
        };
    }

    /** A break, then the next line's indentation skipped: Markdown would keep it as text. */
    private int lineBreak(Inlines out, int next, int end) {
        out.stripTrailingBlanks();
        out.node(lineBreaksAllowed ? new HardLineBreak() : new Text(" "));
        while (next < end && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
            next++;
        }
        return next;
    }

    /** {@code \\} is a line break; a backslash before punctuation makes it text; before anything else it is text. */
    private int escape(Inlines out, int i, int end) {
        if (i + 1 >= end) {
            return -1;
        }
        char next = text.charAt(i + 1);
        if (next == '\\') {
            return lineBreak(out, i + 2, end);
        }
        if (Character.isLetterOrDigit(next) || Character.isWhitespace(next)) {
            return -1;
        }
        out.text(next);
        return i + 2;
    }

    /**
     * Text effects: {@code *strong*}, {@code _emphasis_}, {@code ??citation??}, {@code -deleted-}, and
     * {@code +inserted+}, {@code ^sup^}, {@code ~sub~}, whose text is kept without styling. Like Jira, the opening
     * delimiter must not follow a letter or digit nor precede whitespace, the closing one the reverse, both on one line.
     */
    private int effect(Inlines out, int i, int end, int depth, boolean inLink, String delimiter) {
        int length = delimiter.length();
        if (depth >= MAX_NESTING || !text.startsWith(delimiter, i) || !opens(i, delimiter, end)) {
            return -1;
        }
        int close = closer(delimiter, i + length + 1);
        if (close + length > source.lineEnd(i, end)) {
            return -1;
        }
        Node wrapper = switch (delimiter.charAt(0)) {
            case '*' -> new StrongEmphasis();
            case '_', '?' -> new Emphasis();
            case '-' -> new Strikethrough("~~");
            default -> null;
        };
        out.flush();
        if (wrapper == null) {
            parse(out.parent, i + length, close, depth + 1, inLink);
        } else {
            parse(wrapper, i + length, close, depth + 1, inLink);
            out.node(wrapper);
        }
        return close + length;
    }

    private boolean opens(int i, String delimiter, int end) {
        int after = i + delimiter.length();
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) || after >= end) {
            return false;
        }
        char first = text.charAt(after);
        return !Character.isWhitespace(first) && (delimiter.length() > 1 || first != delimiter.charAt(0));
    }

    /** The first closing {@code delimiter} at or after {@code from}, or {@code Integer.MAX_VALUE / 2}. */
    private int closer(String delimiter, int from) {
        int[] next = closers.computeIfAbsent(delimiter, this::closerTable);
        return from < next.length ? next[from] : Integer.MAX_VALUE / 2;
    }

    /** For every offset, the first offset at or after it where {@code delimiter} can close. */
    private int[] closerTable(String delimiter) {
        int[] next = new int[text.length() + 1];
        next[text.length()] = Integer.MAX_VALUE / 2;
        for (int j = text.length() - 1; j >= 0; j--) {
            next[j] = closes(j, delimiter) ? j : next[j + 1];
        }
        return next;
    }

    private boolean closes(int j, String delimiter) {
        if (j == 0 || !text.startsWith(delimiter, j)) {
            return false;
        }
        char last = text.charAt(j - 1);
        int after = j + delimiter.length();
        return !Character.isWhitespace(last) && last != '\\' && (delimiter.length() > 1 || last != delimiter.charAt(0))
                && (after == text.length() || !Character.isLetterOrDigit(text.charAt(after)));
    }

    /** {@code {{monospace}}}, a one-line {@code {code}} or {@code {noformat}}, dropped styling tags, other macros. */
    private int brace(Inlines out, int i, int end) {
        int lineEnd = source.lineEnd(i, end);
        if (text.startsWith("{{", i)) {
            int close = text.indexOf("}}", i + 2);
            if (close < 0 || close + 2 > lineEnd || text.substring(i + 2, close).isBlank()) {
                return -1;
            }
            out.node(new Code(text.substring(i + 2, close)));
            return close + 2;
        }
        WikiMacro tag = WikiMacro.at(text, i, lineEnd);
        if (tag == null) {
            return -1;
        }
        if (DROPPED_MACROS.contains(tag.name())) {
            return tag.end();
        }
        if (CODE_MACROS.contains(tag.name())) {
            WikiMacro close = closingTag(tag.name(), tag.end(), lineEnd);
            if (close != null) {
                String code = text.substring(tag.end(), close.start()).strip();
                if (!code.isEmpty()) {
                    out.node(new Code(code));
                }
                return close.end();
            }
        }
        source.warn(i, "{" + tag.name() + "} " + (WikiBlockParser.isBlockMacro(tag.name())
                ? "without its closing tag kept as text" : "macro not supported; kept as text"));
        return -1;
    }

    private WikiMacro closingTag(String name, int from, int limit) {
        for (int k = text.indexOf('{', from); k >= 0 && k < limit; k = text.indexOf('{', k + 1)) {
            WikiMacro tag = WikiMacro.at(text, k, limit);
            if (tag != null && tag.name().equals(name) && tag.isBare()) {
                return tag;
            }
        }
        return null;
    }

    /** {@code [alias|target|tooltip]}: web and mail links, mentions, attachments, anchors, issue keys. */
    private int link(Inlines out, int i, int end, int depth) {
        int close = text.indexOf(']', i + 1);
        if (close < 0 || close >= source.lineEnd(i, end) || close == i + 1) {
            return -1;
        }
        int bar = text.indexOf('|', i + 1);
        boolean aliased = bar >= 0 && bar < close;
        int targetStart = aliased ? bar + 1 : i + 1;
        int tooltip = text.indexOf('|', targetStart);
        String target = text.substring(targetStart, tooltip >= 0 && tooltip < close ? tooltip : close).strip();
        WikiLinkTarget kind = WikiLinkTarget.of(target);
        if (kind == WikiLinkTarget.UNKNOWN) {
            source.warn(i, "link target '" + target + "' is neither a URL nor an issue key; kept as text");
            return -1;
        }
        out.flush();
        if (kind == WikiLinkTarget.URL) {
            Link link = new Link(WikiLinkTarget.href(target), null);
            if (aliased) {
                parse(link, i + 1, bar, depth + 1, true);
            }
            if (link.getFirstChild() == null) {
                link.appendChild(new Text(target.startsWith("mailto:") ? target.substring("mailto:".length()) : target));
            }
            out.node(link);
            return close + 1;
        }
        if (aliased && kind != WikiLinkTarget.MENTION) {
            parse(out.parent, i + 1, bar, depth + 1, true);
            out.text(kind == WikiLinkTarget.ANCHOR ? "" : " ");
        }
        out.text(kind.display(target, aliased));
        return close + 1;
    }

    /** {@code !file.png!} and {@code !file.png|thumbnail!} become the attachment placeholder, {@code !https://…!} an image. */
    private int image(Inlines out, int i, int end) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) || i + 1 >= end
                || Character.isWhitespace(text.charAt(i + 1))) {
            return -1;
        }
        int close = text.indexOf('!', i + 1);
        if (close < 0 || close >= source.lineEnd(i, end) || Character.isWhitespace(text.charAt(close - 1))) {
            return -1;
        }
        int bar = text.indexOf('|', i + 1);
        String name = text.substring(i + 1, bar >= 0 && bar < close ? bar : close).strip();
        if (WikiLinkTarget.of(name) == WikiLinkTarget.URL) {
            out.node(new Image(name, null));
            return close + 1;
        }
        if (!looksLikeFileName(name)) {
            return -1;
        }
        int caret = name.indexOf('^');
        if (caret > 0 && WikiLinkTarget.of(name.substring(0, caret)) == WikiLinkTarget.ISSUE) {
            source.warn(i, "image of " + name.substring(0, caret) + "'s attachment '" + name.substring(caret + 1)
                    + "' kept as its placeholder");
        }
        out.text(SoftReferenceMarkers.marker(SoftReference.Kind.ATTACHMENT, name, name));
        return close + 1;
    }

    private int emoticon(Inlines out, int i, int end) {
        Map.Entry<String, String> emoticon = WikiEmoticons.at(text, i, end);
        if (emoticon == null) {
            return -1;
        }
        out.text(emoticon.getValue());
        return i + emoticon.getKey().length();
    }

    /** A bare web address becomes a link, so its underscores and stars are not read as effects. */
    private int bareUrl(Inlines out, int i, int end) {
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)) || !startsWithWebScheme(i)) {
            return -1;
        }
        int stop = i;
        while (stop < end && !Character.isWhitespace(text.charAt(stop)) && URL_END.indexOf(text.charAt(stop)) < 0) {
            stop++;
        }
        while (stop > i && (URL_TRAILING_PUNCTUATION.indexOf(text.charAt(stop - 1)) >= 0
                || text.charAt(stop - 1) == ')' && text.lastIndexOf('(', stop - 1) < i)) {
            stop--;
        }
        String url = text.substring(i, stop);
        if (url.endsWith("//")) {
            return -1;
        }
        Link link = new Link(url, null);
        link.appendChild(new Text(url));
        out.node(link);
        return stop;
    }

    private boolean startsWithWebScheme(int i) {
        for (String scheme : new String[] {"http://", "https://", "ftp://"}) {
            if (text.regionMatches(true, i, scheme, 0, scheme.length())) {
                return true;
            }
        }
        return false;
    }

    /** An attachment name has an extension; "Wow!Great!" is no image. */
    private static boolean looksLikeFileName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1 || name.length() - dot > 6) {
            return false;
        }
        return name.substring(dot + 1).chars().allMatch(Character::isLetterOrDigit);
    }

    /** Collects text into one node until a construct starts. */
    private static final class Inlines {
        private final Node parent;
        private final StringBuilder pending = new StringBuilder();

        Inlines(Node parent) {
            this.parent = parent;
        }

        void text(char c) {
            pending.append(c);
        }

        void text(String s) {
            pending.append(s);
        }

        void stripTrailingBlanks() {
            int length = pending.length();
            while (length > 0 && (pending.charAt(length - 1) == ' ' || pending.charAt(length - 1) == '\t')) {
                length--;
            }
            pending.setLength(length);
        }

        void node(Node node) {
            flush();
            parent.appendChild(node);
        }

        void flush() {
            if (pending.length() > 0) {
                parent.appendChild(new Text(pending.toString()));
                pending.setLength(0);
            }
        }
    }
}
