package io.j2o.transformer.richtext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * The converters write a mention or an inline image as a marker in the text (their target and label between
 * private-use characters, which no Markdown renderer escapes); before rendering, this pass numbers the markers and
 * the issue keys of plain text into the tokens of {@link LinkedMarkdown}. Issue keys in code, links and URLs are
 * text, not references. Where a marker landed in code it becomes its fallback text.
 */
final class SoftReferenceMarkers {

    private static final char OPEN = '\uE000';
    private static final char SEPARATOR = '\uE001';
    private static final char CLOSE = '\uE002';
    private static final Pattern MARKER = Pattern.compile(OPEN + "([A-Z_]+)" + SEPARATOR + "([^\uE000-\uE002]*)"
            + SEPARATOR + "([^\uE000-\uE002]*)" + CLOSE);
    private static final Pattern ISSUE_KEY = Pattern.compile("(?<![\\w\\-./:#@])([A-Z][A-Z0-9_]+-\\d+)(?![\\w\\-]|\\.\\w)");

    private SoftReferenceMarkers() {
    }

    static String marker(SoftReference.Kind kind, String target, String label) {
        return OPEN + kind.name() + SEPARATOR + clean(target) + SEPARATOR + clean(label) + CLOSE;
    }

    /** Replaces markers and issue keys under {@code root} by tokens; the references in token order. */
    static List<SoftReference> collect(Node root) {
        Collector collector = new Collector();
        root.accept(collector);
        return List.copyOf(collector.indexes.keySet());
    }

    /** Text that cannot hold a token (code) keeps each marker's fallback. */
    private static String fallbacks(String text) {
        Matcher matcher = MARKER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(SoftReferenceText.fallback(reference(matcher), null)));
        }
        return matcher.appendTail(out).toString();
    }

    private static SoftReference reference(Matcher marker) {
        return new SoftReference(SoftReference.Kind.valueOf(marker.group(1)), marker.group(2), marker.group(3));
    }

    /** Jira text with our private-use characters would forge markers or tokens. */
    static String clean(String text) {
        return text.replaceAll("[\uE000-\uE002]", "");
    }

    private static final class Collector extends AbstractVisitor {
        private final Map<SoftReference, Integer> indexes = new LinkedHashMap<>();

        @Override
        public void visit(Text text) {
            text.setLiteral(tokens(text.getLiteral(), !inLink(text)));
        }

        @Override
        public void visit(Code code) {
            code.setLiteral(fallbacks(code.getLiteral()));
        }

        @Override
        public void visit(FencedCodeBlock block) {
            block.setLiteral(fallbacks(block.getLiteral()));
        }

        @Override
        public void visit(IndentedCodeBlock block) {
            block.setLiteral(fallbacks(block.getLiteral()));
        }

        private String tokens(String text, boolean keys) {
            Matcher matcher = MARKER.matcher(text);
            StringBuilder out = new StringBuilder();
            int from = 0;
            while (matcher.find()) {
                out.append(plain(text.substring(from, matcher.start()), keys));
                out.append(token(reference(matcher)));
                from = matcher.end();
            }
            return out.append(plain(text.substring(from), keys)).toString();
        }

        private String plain(String text, boolean keys) {
            String clean = clean(text);
            return keys ? issueKeys(clean) : clean;
        }

        private String issueKeys(String text) {
            Matcher matcher = ISSUE_KEY.matcher(text);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String replacement = insideUrl(text, matcher.start()) ? matcher.group()
                        : token(new SoftReference(SoftReference.Kind.ISSUE, matcher.group(1), matcher.group(1)));
                matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            return matcher.appendTail(out).toString();
        }

        private String token(SoftReference reference) {
            return LinkedMarkdown.token(indexes.computeIfAbsent(reference, r -> indexes.size()));
        }

        private static boolean insideUrl(String text, int at) {
            int start = at;
            while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
            String word = text.substring(start, at);
            return word.contains("://") || word.regionMatches(true, 0, "www.", 0, 4);
        }

        private static boolean inLink(Node node) {
            for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
                if (parent instanceof Link || parent instanceof Image) {
                    return true;
                }
            }
            return false;
        }
    }
}
