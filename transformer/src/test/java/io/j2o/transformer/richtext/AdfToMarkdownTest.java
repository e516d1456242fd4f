package io.j2o.transformer.richtext;

import static io.j2o.transformer.richtext.Adf.doc;
import static io.j2o.transformer.richtext.Adf.li;
import static io.j2o.transformer.richtext.Adf.mark;
import static io.j2o.transformer.richtext.Adf.node;
import static io.j2o.transformer.richtext.Adf.p;
import static io.j2o.transformer.richtext.Adf.parse;
import static io.j2o.transformer.richtext.Adf.text;
import static io.j2o.transformer.richtext.Adf.withAttrs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdfToMarkdownTest {

    private final AdfToMarkdown converter = new AdfToMarkdown();

    private String md(JsonNode... blocks) {
        return converter.convert(doc(blocks));
    }

    /** How OpenProject-like GFM renders the Markdown: the test of escaping is what a reader finally sees. */
    private static String html(String markdown) {
        List<org.commonmark.Extension> gfm = List.of(TablesExtension.create(), StrikethroughExtension.create());
        return HtmlRenderer.builder().extensions(gfm).build()
                .render(Parser.builder().extensions(gfm).build().parse(markdown)).strip();
    }

    @Nested
    class Structure {

        @Test
        void absentDocumentConvertsToEmptyText() {
            assertThat(converter.convert(null)).isEmpty();
            assertThat(converter.convert(NullNode.getInstance())).isEmpty();
            assertThat(converter.convert(MissingNode.getInstance())).isEmpty();
            assertThat(converter.convertWithWarnings(null).warnings()).isEmpty();
        }

        @Test
        void emptyDocumentConvertsToEmptyText() {
            assertThat(md()).isEmpty();
            assertThat(md(p())).isEmpty();
        }

        @Test
        void rejectsDocumentThatIsNotAnObject() {
            assertThatThrownBy(() -> converter.convert(parse("\"plain text\"")))
                    .isInstanceOf(RichTextException.class)
                    .hasMessage("ADF document must be a JSON object, was STRING at /");
        }

        @Test
        void rejectsRootThatIsNotADoc() {
            assertThatThrownBy(() -> converter.convert(p(text("x"))))
                    .isInstanceOf(RichTextException.class)
                    .hasMessage("ADF root type must be 'doc', was 'paragraph' at /type")
                    .extracting(e -> ((RichTextException) e).pointer()).isEqualTo("/type");
        }

        @Test
        void rejectsDocumentWhoseContentIsNotAnArray() {
            assertThatThrownBy(() -> converter.convert(parse("{\"type\":\"doc\",\"version\":1,\"content\":{}}")))
                    .isInstanceOf(RichTextException.class)
                    .hasMessage("'content' of the document must be an array at /content");
        }

        @Test
        void rejectsNestedContentThatIsNotAnArrayNamingItsPointer() {
            JsonNode adf = parse("""
                    {"type":"doc","version":1,"content":[
                      {"type":"paragraph","content":[{"type":"text","text":"ok"}]},
                      {"type":"bulletList","content":[{"type":"listItem","content":"oops"}]}]}""");
            assertThatThrownBy(() -> converter.convert(adf))
                    .isInstanceOf(RichTextException.class)
                    .hasMessage("'content' must be an array, was STRING at /content/1/content/0/content");
        }

        @Test
        void rejectsNodesThatAreNotObjectsOrHaveNoType() {
            assertThatThrownBy(() -> converter.convert(parse("{\"type\":\"doc\",\"content\":[42]}")))
                    .isInstanceOf(RichTextException.class)
                    .hasMessage("ADF node must be an object, was NUMBER at /content/0");
            assertThatThrownBy(() -> converter.convert(parse("{\"type\":\"doc\",\"content\":[{\"text\":\"x\"}]}")))
                    .isInstanceOf(RichTextException.class)
                    .hasMessage("ADF node has no textual 'type' at /content/0");
        }

        @Test
        void unknownNodeKeepsItsTextAndIsReportedWithItsPointer() {
            Markdown result = converter.convertWithWarnings(doc(
                    p(text("before")),
                    node("fancyWidget", p(text("inner")), p(text("words"))),
                    p(text("a "), node("sparkle", text("shiny")))));

            assertThat(result.text()).isEqualTo("before\n\ninner words\n\na shiny");
            assertThat(result.warnings()).containsExactly(
                    "/content/1: node type 'fancyWidget' not supported; kept its text",
                    "/content/2/content/1: node type 'sparkle' not supported inline; kept its text");
        }

        @Test
        void unknownMarkKeepsTextAndIsReported() {
            Markdown result = converter.convertWithWarnings(doc(p(text("glow", mark("sparkle")))));
            assertThat(result.text()).isEqualTo("glow");
            assertThat(result.warnings()).containsExactly("/content/0/content/0/marks/0: mark 'sparkle' ignored");
        }
    }

    @Nested
    class Escaping {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '§', quoteCharacter = '"', value = {
                "*not bold*          § \\*not bold\\*",
                "_not italic_        § \\_not italic\\_",
                "# not a heading     § \\# not a heading",
                "[not](a-link)       § \\[not\\](a-link)",
                "`not code`          § \\`not code\\`",
                "1. not a list       § 1\\. not a list",
                "- not a list        § \\- not a list",
                "+ not a list        § \\+ not a list",
                "> not a quote       § \\> not a quote",
                "<b>not html</b>     § \\<b\\>not html\\</b\\>",
                "~~not struck~~      § \\~\\~not struck\\~\\~",
                "C++ and a|b         § C++ and a\\|b",
                "back\\slash          § back\\\\slash",
                "&amp; stays literal § \\&amp; stays literal"})
        void textThatLooksLikeMarkdownStaysText(String text, String expected) {
            String markdown = md(p(text(text)));
            assertThat(markdown).isEqualTo(expected);
            assertThat(html(markdown)).isEqualTo("<p>" + escapeHtml(text) + "</p>");
        }

        @Test
        void markdownAtTheStartOfALineAfterAHardBreakStaysText() {
            String markdown = md(p(text("first"), node("hardBreak"), text("+ second"), node("hardBreak"), text("2. third")));
            assertThat(markdown).isEqualTo("first  \n\\+ second  \n2\\. third");
            assertThat(html(markdown)).isEqualTo("<p>first<br />\n+ second<br />\n2. third</p>");
        }

        @Test
        void headingTextWithHashesStaysText() {
            assertThat(md(withAttrs(node("heading", text("# C# tips")), "level", 2))).isEqualTo("## \\# C\\# tips");
        }

        private static String escapeHtml(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    @Nested
    class Marks {

        @Test
        void rendersEachMark() {
            assertThat(md(p(text("bold", mark("strong"))))).isEqualTo("**bold**");
            assertThat(md(p(text("italic", mark("em"))))).isEqualTo("*italic*");
            assertThat(md(p(text("x = 1", mark("code"))))).isEqualTo("`x = 1`");
            assertThat(md(p(text("gone", mark("strike"))))).isEqualTo("~~gone~~");
            assertThat(md(p(text("site", mark("link", "href", "https://example.com/a_b", "title", "The \"site\""))))).isEqualTo("[site](https://example.com/a_b \"The \\\"site\\\"\")");
        }

        @Test
        void marksWithoutMarkdownKeepTheirText() {
            assertThat(md(p(
                    text("under", mark("underline")), text(" "),
                    text("red", mark("textColor", "color", "#ff0000")), text(" H"),
                    text("2", mark("subsup", "type", "sub")), text("O")))).isEqualTo("under red H2O");
        }

        @Test
        void neighbouringTextsShareTheirCommonMarks() {
            assertThat(md(p(text("bold ", mark("strong")), text("both", mark("em"), mark("strong")), text(" plain"))))
                    .isEqualTo("**bold *both*** plain");
        }

        @Test
        void linkKeepsStyledPartsTogether() {
            JsonNode link = mark("link", "href", "https://example.com");
            String markdown = md(p(text("see "), text("the ", link), text("docs", link, mark("strong")), text("!")));
            assertThat(markdown).isEqualTo("see [the **docs**](https://example.com)!");
            assertThat(html(markdown)).isEqualTo("<p>see <a href=\"https://example.com\">the <strong>docs</strong></a>!</p>");
        }

        @Test
        void whitespaceAtTheEdgeOfEmphasisMovesOutsideSoItStillRenders() {
            String markdown = md(p(text("a"), text(" bold ", mark("strong")), text("word")));
            assertThat(markdown).isEqualTo("a **bold** word");
            assertThat(html(markdown)).isEqualTo("<p>a <strong>bold</strong> word</p>");
        }

        @Test
        void emphasisWhoseDelimitersCannotFlankIsWrittenAsHtml() {
            String markdown = md(p(text("f"), text("(x)", mark("strong")), text("y")));
            assertThat(markdown).isEqualTo("f<strong>(x)</strong>y");
            assertThat(html(markdown)).isEqualTo("<p>f<strong>(x)</strong>y</p>");
        }

        @Test
        void emphasisOpeningAParagraphAfterABoldOneStillCloses() {
            String markdown = md(p(text("bold", mark("strong"))), p(text("it", mark("em")), text("alic")));
            assertThat(markdown).isEqualTo("**bold**\n\n*it*alic");
            assertThat(html(markdown)).endsWith("<p><em>it</em>alic</p>");
        }

        @Test
        void neighbouringCodeSpansBecomeOne() {
            assertThat(md(p(text("x`", mark("code")), text("y", mark("code"), mark("underline"))))).isEqualTo("``x`y``");
        }

        @Test
        void codeWithBackticksGetsALongerDelimiter() {
            assertThat(md(p(text("a`b", mark("code"))))).isEqualTo("``a`b``");
        }

        @Test
        void codeKeepsMarkdownCharactersLiterally() {
            assertThat(md(p(text("*ptr_x", mark("code"), mark("strong"))))).isEqualTo("**`*ptr_x`**");
        }
    }

    @Nested
    class Blocks {

        @Test
        void headingsOfEveryLevel() {
            for (int level = 1; level <= 6; level++) {
                assertThat(md(withAttrs(node("heading", text("Title")), "level", level)))
                        .isEqualTo("#".repeat(level) + " Title");
            }
        }

        @Test
        void lineBreakInAHeadingBecomesASpace() {
            assertThat(md(withAttrs(node("heading", text("one"), node("hardBreak"), text("two")), "level", 3)))
                    .isEqualTo("### one two");
        }

        @Test
        void paragraphsAndHardBreaks() {
            assertThat(md(p(text("one"), node("hardBreak"), text("two")), p(text("three"))))
                    .isEqualTo("one  \ntwo\n\nthree");
        }

        @Test
        void newlineInsideTextIsAHardBreak() {
            assertThat(md(p(text("one\ntwo")))).isEqualTo("one  \ntwo");
        }

        @Test
        void nestedBulletAndOrderedLists() {
            JsonNode adf = node("bulletList",
                    li(p(text("fruit")), node("orderedList", li(p(text("apple"))), li(p(text("pear"))))),
                    li(p(text("veg"))));
            assertThat(md(adf)).isEqualTo("- fruit\n  1. apple\n  2. pear\n- veg");
        }

        @Test
        void orderedListStartsAtItsOrder() {
            assertThat(md(withAttrs(node("orderedList", li(p(text("c"))), li(p(text("d")))), "order", 3)))
                    .isEqualTo("3. c\n4. d");
        }

        @Test
        void nestedOrderedListNotStartingAtOneStillNests() {
            JsonNode adf = node("bulletList",
                    li(p(text("a")), withAttrs(node("orderedList", li(p(text("n")))), "order", 5)));
            String markdown = md(adf);
            assertThat(markdown).isEqualTo("- a\n  \n  5. n");
            assertThat(html(markdown)).contains("<ol start=\"5\">");
        }

        @Test
        void codeBlockWithLanguage() {
            assertThat(md(withAttrs(node("codeBlock", text("if (a < b) {\n  *p = 1;\n}")), "language", "java")))
                    .isEqualTo("```java\nif (a < b) {\n  *p = 1;\n}\n```");
        }

        @Test
        void codeBlockContainingAFenceGetsALongerFence() {
            String markdown = md(node("codeBlock", text("```\nnot the end\n```")));
            assertThat(markdown).isEqualTo("````\n```\nnot the end\n```\n````");
            assertThat(html(markdown)).isEqualTo("<pre><code>```\nnot the end\n```\n</code></pre>");
        }

        @Test
        void blockquoteAndRule() {
            assertThat(md(node("blockquote", p(text("quoted")), p(text("more"))), node("rule"), p(text("after"))))
                    .isEqualTo("> quoted\n> \n> more\n\n___\n\nafter");
        }

        @Test
        void panelBecomesQuoteNamedByItsType() {
            assertThat(md(withAttrs(node("panel", p(text("Mind the gap"))), "panelType", "warning")))
                    .isEqualTo("> **Warning:** Mind the gap");
            assertThat(md(withAttrs(node("panel", node("bulletList", li(p(text("x"))))), "panelType", "note")))
                    .isEqualTo("> **Note:**\n> \n> - x");
        }

        @Test
        void expandShowsItsTitleInBoldThenItsContent() {
            assertThat(md(withAttrs(node("expand", p(text("hidden"))), "title", "Details")))
                    .isEqualTo("**Details**\n\nhidden");
        }

        @Test
        void taskListBecomesGfmChecklist() {
            JsonNode adf = node("taskList",
                    withAttrs(node("taskItem", text("write tests")), "state", "DONE", "localId", "1"),
                    withAttrs(node("taskItem", text("ship")), "state", "TODO", "localId", "2"),
                    node("taskList", withAttrs(node("taskItem", text("celebrate")), "state", "TODO")));
            String markdown = md(adf);
            assertThat(markdown).isEqualTo("- [x] write tests\n- [ ] ship\n  - [ ] celebrate");
        }

        @Test
        void decisionListBecomesBulletList() {
            assertThat(md(node("decisionList", withAttrs(node("decisionItem", text("Use Kafka")), "state", "DECIDED"))))
                    .isEqualTo("- Use Kafka");
        }

        @Test
        void extensionsKeepTheirTextAndBodies() {
            Markdown result = converter.convertWithWarnings(doc(
                    withAttrs(node("bodiedExtension", p(text("macro body"))), "extensionKey", "details"),
                    withAttrs(node("extension"), "extensionKey", "toc", "text", "Table of contents"),
                    withAttrs(node("extension"), "extensionKey", "jira-chart"),
                    p(text("x "), withAttrs(node("inlineExtension"), "extensionKey", "status", "text", "ok"))));
            assertThat(result.text()).isEqualTo("macro body\n\nTable of contents\n\nx ok");
            assertThat(result.warnings()).containsExactly("/content/2: extension 'jira-chart' has no text; dropped");
        }
    }

    @Nested
    class InlineNodes {

        @Test
        void mentionUsesDisplayNameWithoutADoubleAt() {
            assertThat(md(p(withAttrs(node("mention"), "id", "5b10ac8d", "text", "@Jane Doe"), text(" please")))).isEqualTo("@Jane Doe please");
            assertThat(md(p(withAttrs(node("mention"), "id", "5b10ac8d", "text", "Jane")))).isEqualTo("@Jane");
        }

        @Test
        void emojiUsesItsCharacterOrShortName() {
            assertThat(md(p(withAttrs(node("emoji"), "shortName", ":smile:", "text", "😄")))).isEqualTo("😄");
            assertThat(md(p(withAttrs(node("emoji"), "shortName", ":party:")))).isEqualTo(":party:");
        }

        @Test
        void cardsBecomeLinks() {
            assertThat(md(p(text("see "), withAttrs(node("inlineCard"), "url", "https://x.atlassian.net/browse/A-1"))))
                    .isEqualTo("see [https://x.atlassian.net/browse/A-1](https://x.atlassian.net/browse/A-1)");
            assertThat(md(withAttrs(node("blockCard"), "url", "https://example.com/page")))
                    .isEqualTo("[https://example.com/page](https://example.com/page)");
        }

        @Test
        void statusAndDate() {
            assertThat(md(p(withAttrs(node("status"), "text", "In progress", "color", "blue"), text(" since "),
                    withAttrs(node("date"), "timestamp", "1582156800000"))))
                    .isEqualTo("\\[IN PROGRESS\\] since 2020-02-20");
        }

        @Test
        void mediaBecomesAttachmentPlaceholders() {
            assertThat(md(node("mediaSingle", withAttrs(node("media"), "id", "abc-123", "type", "file", "alt", "screen.png"))))
                    .isEqualTo("\\[attachment: screen.png\\]");
            assertThat(md(node("mediaGroup", withAttrs(node("media"), "id", "id-1", "type", "file"),
                    withAttrs(node("media"), "id", "id-2", "type", "file"))))
                    .isEqualTo("\\[attachment: id-1\\]\n\n\\[attachment: id-2\\]");
            assertThat(md(p(text("file "), withAttrs(node("mediaInline"), "id", "id-3"))))
                    .isEqualTo("file \\[attachment: id-3\\]");
        }

        @Test
        void placeholderIsDropped() {
            assertThat(md(p(text("a"), withAttrs(node("placeholder"), "text", "Type here")))).isEqualTo("a");
        }
    }

    @Nested
    class Tables {

        private JsonNode cell(String type, JsonNode... blocks) {
            return node(type, blocks);
        }

        @Test
        void tableWithHeaderRow() {
            JsonNode table = node("table",
                    node("tableRow", cell("tableHeader", p(text("Name"))), cell("tableHeader", p(text("Value")))),
                    node("tableRow", cell("tableCell", p(text("a|b"))), cell("tableCell", p(text("1", mark("strong"))))));
            String markdown = md(table);
            assertThat(markdown).isEqualTo("|Name|Value|\n|---|---|\n|a\\|b|**1**|");
            assertThat(html(markdown)).contains("<th>Name</th>", "<td>a|b</td>", "<td><strong>1</strong></td>");
        }

        @Test
        void tableWithoutHeaderRowGetsAnEmptyOne() {
            JsonNode table = node("table", node("tableRow", cell("tableCell", p(text("x"))), cell("tableCell", p(text("y")))));
            assertThat(md(table)).isEqualTo("|||\n|---|---|\n|x|y|");
        }

        @Test
        void colspanAndShortRowsArePaddedWithEmptyCells() {
            JsonNode table = node("table",
                    node("tableRow", cell("tableHeader", p(text("a"))), cell("tableHeader", p(text("b"))), cell("tableHeader", p(text("c")))),
                    node("tableRow", withAttrs((com.fasterxml.jackson.databind.node.ObjectNode) cell("tableCell", p(text("wide"))), "colspan", 2)),
                    node("tableRow", cell("tableCell", p(text("short")))));
            assertThat(md(table)).isEqualTo("|a|b|c|\n|---|---|---|\n|wide|||\n|short|||");
        }

        @Test
        void blockContentInACellIsFlattenedToOneLine() {
            JsonNode table = node("table", node("tableRow", cell("tableHeader",
                    p(text("first")), p(text("second"), node("hardBreak"), text("third")),
                    node("bulletList", li(p(text("item"))), li(p(text("other")))),
                    node("codeBlock", text("a |\nb")))));
            String markdown = md(table);
            assertThat(markdown).isEqualTo("|first<br>second<br>third<br>- item<br>- other<br>`a \\| b`|\n|---|");
            assertThat(html(markdown)).contains("<th>first<br>second<br>third<br>- item<br>- other<br><code>a | b</code></th>");
        }

        @Test
        void cellEndingInABackslashKeepsItsClosingPipe() {
            JsonNode table = node("table", node("tableRow", cell("tableHeader", p(text("C:\\"))), cell("tableHeader", p(text("b")))));
            String markdown = md(table);
            assertThat(markdown).isEqualTo("|C:\\\\ |b|\n|---|---|");
            assertThat(html(markdown)).contains("<th>C:\\</th>", "<th>b</th>");
        }

        @Test
        void listItemHoldingATableIsSeparatedByBlankLines() {
            JsonNode table = node("table", node("tableRow", cell("tableHeader", p(text("h")))));
            String markdown = md(node("bulletList", li(p(text("a")), table, node("bulletList", li(p(text("b")))))));
            assertThat(markdown).isEqualTo("- a\n  \n  |h|\n  |---|\n  \n  - b");
            assertThat(html(markdown)).contains("<th>h</th>", "<li>b</li>");
        }

        @Test
        void rowspanIsReportedAsLossy() {
            JsonNode table = node("table", node("tableRow",
                    withAttrs((com.fasterxml.jackson.databind.node.ObjectNode) cell("tableCell", p(text("tall"))), "rowspan", 2)));
            Markdown result = converter.convertWithWarnings(doc(table));
            assertThat(result.text()).isEqualTo("||\n|---|\n|tall|");
            assertThat(result.warnings()).containsExactly(
                    "/content/0: rowspan cannot be expressed in a GFM table; cells below a spanning cell shift left");
        }
    }
}
