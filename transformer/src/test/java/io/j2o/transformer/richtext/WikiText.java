package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** Test helper: the words a GFM reader sees in some Markdown, in reading order. */
final class WikiText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final List<Extension> GFM = List.of(TablesExtension.create(), StrikethroughExtension.create());

    private WikiText() {
    }

    static List<String> wordsOfMarkdown(String markdown) {
        StringBuilder text = new StringBuilder();
        Parser.builder().extensions(GFM).build().parse(markdown).accept(new TextCollector(text));
        return words(text.toString());
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** Text, code and breaks in reading order; blocks, cells and breaks separate words. */
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
            out.append(' ').append(codeBlock.getLiteral()).append(' ');
        }

        @Override
        public void visit(IndentedCodeBlock codeBlock) {
            out.append(' ').append(codeBlock.getLiteral()).append(' ');
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
            out.append(' ');
        }

        @Override
        public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell) {
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
}
