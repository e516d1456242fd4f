package io.j2o.transformer.richtext;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.commonmark.node.Document;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Converts Jira Cloud's Atlassian Document Format (ADF) into CommonMark/GFM Markdown for OpenProject.
 *
 * <p>The ADF is turned into a commonmark-java node tree and commonmark's {@link MarkdownRenderer} writes it, so text
 * that looks like Markdown ({@code *}, {@code _}, {@code #}, a leading {@code 1.}) is escaped by construction.
 * Structural damage (not an object, root not {@code doc}, {@code content} not an array of objects, a node without
 * {@code type}) throws {@link RichTextException}; node types and marks this converter does not know never throw:
 * their text is kept and a warning recorded. Thread-safe.
 */
public final class AdfToMarkdown {

    private final MarkdownRenderer renderer = GfmRenderer.create();

    /** The Markdown for {@code adf}; empty for null, JSON null or a missing node. */
    public String convert(JsonNode adf) {
        return convertWithWarnings(adf).text();
    }

    /** The Markdown for {@code adf} with a warning for everything that did not carry over faithfully. */
    public Markdown convertWithWarnings(JsonNode adf) {
        LinkedMarkdown linked = convertLinked(adf);
        return new Markdown(linked.fallback(), linked.warnings());
    }

    /** The Markdown for {@code adf} with its issue keys, mentions and media left open as soft references. */
    public LinkedMarkdown convertLinked(JsonNode adf) {
        if (adf == null || adf.isNull() || adf.isMissingNode()) {
            return LinkedMarkdown.EMPTY;
        }
        if (!adf.isObject()) {
            throw new RichTextException("ADF document must be a JSON object, was " + adf.getNodeType(), "");
        }
        AdfNode root = AdfNode.root(adf);
        if (!root.type().equals("doc")) {
            throw new RichTextException("ADF root type must be 'doc', was '" + root.type() + "'", "/type");
        }
        if (!adf.path("content").isArray()) {
            throw new RichTextException("'content' of the document must be an array", "/content");
        }
        ConversionWarnings warnings = new ConversionWarnings();
        Document document = new AdfBlockConverter(warnings).convert(root);
        List<SoftReference> references = SoftReferenceMarkers.collect(document);
        return new LinkedMarkdown(renderer.render(document).stripTrailing(), references, warnings.lines());
    }
}
