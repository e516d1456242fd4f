package io.j2o.transformer.richtext;

import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/** One line of plain text set in italics, escaped by commonmark the way the converters escape everything. */
public final class EmphasisLine {

    private static final MarkdownRenderer RENDERER = GfmRenderer.create();

    private EmphasisLine() {
    }

    /** {@code *text*} with every Markdown character in {@code text} escaped and line breaks turned into spaces. */
    public static String of(String text) {
        Emphasis emphasis = new Emphasis();
        emphasis.appendChild(new Text(text.replaceAll("\\s+", " ").strip()));
        Paragraph paragraph = new Paragraph();
        paragraph.appendChild(emphasis);
        Document document = new Document();
        document.appendChild(paragraph);
        return RENDERER.render(document).strip();
    }
}
