package io.j2o.transformer.richtext;

import org.commonmark.node.Emphasis;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.CoreMarkdownNodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import org.commonmark.renderer.markdown.MarkdownWriter;
import java.util.Set;

/**
 * Renders text and emphasis like commonmark's core renderer, fixing two things it gets wrong at the start of a line
 * in commonmark-java 0.32.0: a line-initial {@code +} is not escaped (so "+ 1" would become a bullet list), and
 * emphasis opening a block switches to {@code _} when the previous block ended in {@code *}, which then cannot close
 * before a letter ({@code _a_b}).
 */
final class LineStartRenderer extends CoreMarkdownNodeRenderer {

    static final MarkdownNodeRendererFactory RENDERER = new MarkdownNodeRendererFactory() {
        @Override
        public NodeRenderer create(MarkdownNodeRendererContext context) {
            return new LineStartRenderer(context);
        }

        @Override
        public Set<Character> getSpecialCharacters() {
            return Set.of();
        }
    };

    private LineStartRenderer(MarkdownNodeRendererContext context) {
        super(context);
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
        return Set.of(Text.class, Emphasis.class);
    }

    @Override
    public void visit(Emphasis emphasis) {
        MarkdownWriter writer = context.getWriter();
        if (!writer.isAtLineStart()) {
            super.visit(emphasis);
            return;
        }
        writer.raw('*');
        visitChildren(emphasis);
        writer.raw('*');
    }

    @Override
    public void visit(Text text) {
        String literal = text.getLiteral();
        MarkdownWriter writer = context.getWriter();
        if (!writer.isAtLineStart() || !literal.startsWith("+")) {
            super.visit(text);
            return;
        }
        writer.raw("\\+");
        // The core renderer also looks at the node's parent and next sibling, so shorten this node rather than
        // rendering a detached copy of the rest.
        text.setLiteral(literal.substring(1));
        try {
            super.visit(text);
        } finally {
            text.setLiteral(literal);
        }
    }
}
