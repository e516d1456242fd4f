package io.j2o.transformer.richtext;

import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.markdown.MarkdownNodeRendererContext;
import org.commonmark.renderer.markdown.MarkdownNodeRendererFactory;
import java.util.Set;

/** The GFM task-list checkbox ({@code [ ]} or {@code [x]}) that opens a task item's first paragraph. */
final class TaskMarker extends CustomNode {

    /** Writes the checkbox raw: as text it would be escaped to {@code \[ \]} and stop being a checkbox. */
    static final MarkdownNodeRendererFactory RENDERER = new MarkdownNodeRendererFactory() {
        @Override
        public NodeRenderer create(MarkdownNodeRendererContext context) {
            return new NodeRenderer() {
                @Override
                public Set<Class<? extends Node>> getNodeTypes() {
                    return Set.of(TaskMarker.class);
                }

                @Override
                public void render(Node node) {
                    context.getWriter().raw(((TaskMarker) node).done ? "[x] " : "[ ] ");
                }
            };
        }

        @Override
        public Set<Character> getSpecialCharacters() {
            return Set.of();
        }
    };

    private final boolean done;

    TaskMarker(boolean done) {
        this.done = done;
    }
}
