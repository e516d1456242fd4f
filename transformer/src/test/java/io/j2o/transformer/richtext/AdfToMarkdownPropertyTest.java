package io.j2o.transformer.richtext;

import static io.j2o.transformer.richtext.Adf.doc;
import static io.j2o.transformer.richtext.Adf.mark;
import static io.j2o.transformer.richtext.Adf.node;
import static io.j2o.transformer.richtext.Adf.text;
import static io.j2o.transformer.richtext.Adf.withAttrs;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For seeded random ADF documents full of text that looks like Markdown, the Markdown read back by a CommonMark/GFM
 * parser holds the same words in the same order as the ADF's text: nothing lost, duplicated, reordered, or swallowed
 * into markup (a link destination, an HTML tag).
 */
class AdfToMarkdownPropertyTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static final String[] TOKENS = {
        "alpha", "beta", "gamma", "Δelta", "naïve", "42", "3.14", "*", "**", "_", "__", "#", "##", "1.", "2)", "-", "+",
        "=", "`", "``", "```", "~", "~~", "[", "]", "[x]", "(", ")", "<b>", "</b>", "<https://a.b/c>", "&amp;", "&#42;",
        "|", "\\", "!", ">", ":", "foo_bar", "a*b*c", "[link](http://x.y)", "![img](i.png)", "    ", "\t", "@user",
        "http://example.com/x_y", "x\ny"
    };

    private static final List<org.commonmark.Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create());

    private final AdfToMarkdown converter = new AdfToMarkdown();

    static IntStream seeds() {
        return IntStream.range(0, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void markdownKeepsTheWordsOfTheAdfInOrder(int seed) {
        ObjectNode adf = new Generator(new Random(seed)).document();

        String markdown = converter.convert(adf);

        StringBuilder markdownText = new StringBuilder();
        Parser.builder().extensions(GFM).build().parse(markdown).accept(new TextCollector(markdownText));
        assertThat(words(markdownText.toString()))
                .as("words of the Markdown read back%n--- Markdown:%n%s%n--- ADF:%n%s", markdown, adf)
                .isEqualTo(words(adfText(adf, new StringBuilder()).toString()));
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** The ADF's text in reading order: inline pieces joined directly, blocks and breaks separated by a space. */
    private static StringBuilder adfText(JsonNode node, StringBuilder out) {
        String type = node.path("type").asText();
        if (type.equals("text")) {
            return out.append(node.path("text").asText());
        }
        if (type.equals("hardBreak")) {
            return out.append(' ');
        }
        node.path("content").forEach(child -> adfText(child, out));
        return out.append(' ');
    }

    /** The parsed Markdown's text in reading order, separated like {@link #adfText}. */
    private static final class TextCollector extends AbstractVisitor {
        private final StringBuilder out;

        TextCollector(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(FencedCodeBlock codeBlock) {
            out.append(codeBlock.getLiteral()).append(' ');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            // The <br> between blocks of a table cell separates; the converter's own tags (<strong>) add no text.
            if (htmlInline.getLiteral().equals("<br>")) {
                out.append(' ');
            }
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell || node instanceof TableRow) {
                out.append(' ');
            }
        }

        @Override
        protected void visitChildren(Node parent) {
            super.visitChildren(parent);
            if (parent instanceof Block) {
                out.append(' ');
            }
        }
    }

    /** Random ADF built from the nodes whose text is all the Markdown shows (no labels, markers or numbering added). */
    private static final class Generator {
        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        ObjectNode document() {
            return doc(blocks(3, 1 + random.nextInt(5)));
        }

        private ObjectNode[] blocks(int depth, int count) {
            ObjectNode[] blocks = new ObjectNode[count];
            for (int i = 0; i < count; i++) {
                blocks[i] = block(depth);
            }
            return blocks;
        }

        private ObjectNode block(int depth) {
            int choice = depth <= 0 ? 0 : random.nextInt(9);
            return switch (choice) {
                case 1 -> withAttrs(node("heading", inlines(false)), "level", 1 + random.nextInt(6));
                case 2 -> list("bulletList", depth);
                case 3 -> withAttrs(list("orderedList", depth), "order", random.nextInt(12));
                case 4 -> node("blockquote", blocks(depth - 1, 1 + random.nextInt(3)));
                case 5 -> withAttrs(node("codeBlock", text(tokens(1 + random.nextInt(8)))), "language", "java");
                case 6 -> table();
                case 7 -> node("rule");
                default -> node("paragraph", inlines(true));
            };
        }

        private ObjectNode list(String type, int depth) {
            ObjectNode[] items = new ObjectNode[1 + random.nextInt(3)];
            for (int i = 0; i < items.length; i++) {
                items[i] = random.nextInt(3) == 0
                        ? node("listItem", node("paragraph", inlines(true)), list("bulletList", depth - 1))
                        : node("listItem", blocks(depth - 1, 1 + random.nextInt(2)));
            }
            return node(type, items);
        }

        private ObjectNode table() {
            int columns = 1 + random.nextInt(3);
            ObjectNode[] rows = new ObjectNode[1 + random.nextInt(3)];
            for (int r = 0; r < rows.length; r++) {
                ObjectNode[] cells = new ObjectNode[columns];
                for (int c = 0; c < columns; c++) {
                    // Bullet items only: a flattened ordered item keeps its number, which is not ADF text.
                    cells[c] = random.nextInt(4) == 0
                            ? node("tableCell", node("paragraph", inlines(true)), list("bulletList", 0))
                            : node(r == 0 ? "tableHeader" : "tableCell", node("paragraph", inlines(true)));
                }
                rows[r] = node("tableRow", cells);
            }
            return node("table", rows);
        }

        private ObjectNode[] inlines(boolean breaks) {
            ObjectNode[] inlines = new ObjectNode[1 + random.nextInt(6)];
            for (int i = 0; i < inlines.length; i++) {
                inlines[i] = breaks && random.nextInt(8) == 0 ? node("hardBreak") : text(tokens(1 + random.nextInt(4)), marks());
            }
            return inlines;
        }

        private JsonNode[] marks() {
            List<JsonNode> marks = new ArrayList<>();
            for (String type : new String[] {"strong", "em", "strike", "code", "underline"}) {
                if (random.nextInt(5) == 0) {
                    marks.add(mark(type));
                }
            }
            if (random.nextInt(6) == 0) {
                marks.add(mark("link", "href", random.nextBoolean() ? "https://example.com/a_b" : "https://x.y/a b(c)"));
            }
            return marks.toArray(JsonNode[]::new);
        }

        private String tokens(int count) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < count; i++) {
                text.append(TOKENS[random.nextInt(TOKENS.length)]);
                if (random.nextInt(4) != 0) {
                    text.append(' ');
                }
            }
            return text.toString();
        }
    }
}
