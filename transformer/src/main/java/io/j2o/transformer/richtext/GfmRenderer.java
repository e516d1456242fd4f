package io.j2o.transformer.richtext;

import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/** The one Markdown renderer configuration both converters write with: GFM tables and strikethrough, our fixes. */
final class GfmRenderer {

    private GfmRenderer() {
    }

    static MarkdownRenderer create() {
        return MarkdownRenderer.builder()
                .extensions(List.of(TablesExtension.create(), StrikethroughExtension.create()))
                .nodeRendererFactory(LineStartRenderer.RENDERER)
                .nodeRendererFactory(TaskMarker.RENDERER)
                .build();
    }
}
