package io.j2o.transformer.richtext;

import java.util.List;
import org.commonmark.node.Document;
import org.commonmark.renderer.markdown.MarkdownRenderer;

/**
 * Converts Jira wiki markup (descriptions and comments of REST v2 and Data Center) into CommonMark/GFM Markdown for
 * OpenProject.
 *
 * <p>The markup is parsed by hand into a commonmark-java node tree and commonmark's {@link MarkdownRenderer} writes
 * it, so text that looks like Markdown ({@code *}, {@code _}, {@code #}, a leading {@code 1.}) is escaped by
 * construction. Wiki markup has no syntax errors: this converter never throws, and markup it does not know or that
 * is not closed stays as literal text, with a warning naming its line. Thread-safe.
 */
public final class WikiToMarkdown {

    private final MarkdownRenderer renderer = GfmRenderer.create();

    /** The Markdown for {@code wiki}; empty for null. */
    public String convert(String wiki) {
        return convertWithWarnings(wiki).text();
    }

    /** The Markdown for {@code wiki} with a warning for everything that did not carry over faithfully. */
    public Markdown convertWithWarnings(String wiki) {
        LinkedMarkdown linked = convertLinked(wiki);
        return new Markdown(linked.fallback(), linked.warnings());
    }

    /** The Markdown for {@code wiki} with its issue keys, mentions and images left open as soft references. */
    public LinkedMarkdown convertLinked(String wiki) {
        if (wiki == null || wiki.isBlank()) {
            return LinkedMarkdown.EMPTY;
        }
        ConversionWarnings warnings = new ConversionWarnings();
        // Jira stores what browsers send: CRLF line ends, sometimes lone CRs.
        WikiSource source = new WikiSource(
                SoftReferenceMarkers.clean(wiki).replace("\r\n", "\n").replace('\r', '\n'), warnings);
        Document document = new WikiBlockParser(source).parse();
        List<SoftReference> references = SoftReferenceMarkers.collect(document);
        return new LinkedMarkdown(renderer.render(document).stripTrailing(), references, warnings.lines());
    }
}
