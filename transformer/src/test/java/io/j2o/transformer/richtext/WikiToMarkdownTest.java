package io.j2o.transformer.richtext;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WikiToMarkdownTest {

    private final WikiToMarkdown converter = new WikiToMarkdown();

    private String md(String wiki) {
        return converter.convert(wiki);
    }

    /** The plain text a GFM reader sees in the Markdown: escaping is right when this equals the wiki's text. */
    private static String readBack(String markdown) {
        List<org.commonmark.Extension> gfm = List.of(TablesExtension.create(), StrikethroughExtension.create());
        return TextContentRenderer.builder().extensions(gfm).build()
                .render(Parser.builder().extensions(gfm).build().parse(markdown)).strip();
    }

    @Nested
    class Blocks {

        @Test
        void absentOrBlankMarkupConvertsToEmptyText() {
            assertThat(md(null)).isEmpty();
            assertThat(md("")).isEmpty();
            assertThat(md(" \n\r\n\t")).isEmpty();
            assertThat(converter.convertWithWarnings(null).warnings()).isEmpty();
        }

        @Test
        void headingsOfEveryLevelKeepTheirInlineMarkup() {
            assertThat(md("h1. Title *bold*\nh3. Three _em_\nh6. Six"))
                    .isEqualTo("# Title **bold**\n\n### Three *em*\n\n###### Six");
        }

        @Test
        void headingNeedsLevelOneToSixAndASpace() {
            assertThat(md("h7. seven\nh1.tight")).isEqualTo("h7. seven  \nh1.tight");
        }

        @Test
        void blankLinesSeparateParagraphsAndNewlinesBreakLines() {
            assertThat(md("first line\nsame paragraph\n\n\nnext paragraph")).isEqualTo("first line  \nsame paragraph\n\nnext paragraph");
        }

        @Test
        void crlfLineEndsAreLineEnds() {
            assertThat(md("a\r\nb\r\n\r\nc\rd")).isEqualTo("a  \nb\n\nc  \nd");
        }

        @Test
        void fourDashesMakeARule() {
            assertThat(md("above\n----\nbelow")).isEqualTo("above\n\n___\n\nbelow");
        }

        @Test
        void bqLineIsAQuote() {
            assertThat(md("bq. Quoted *text*\nafter")).isEqualTo("> Quoted **text**\n\nafter");
        }

        @Test
        void quoteMacroHoldsBlocks() {
            assertThat(md("{quote}\nfirst\n\n* item\n{quote}\nafter"))
                    .isEqualTo("> first\n> \n> - item\n\nafter");
        }

        @Test
        void oneLineQuoteMacroIsAQuote() {
            assertThat(md("Before {quote}said so{quote} after")).isEqualTo("Before\n\n> said so\n\nafter");
        }

        @Test
        void panelBecomesAQuoteOpenedByItsBoldTitle() {
            assertThat(md("{panel:title=Read me|borderStyle=dashed}\nbody\n{panel}"))
                    .isEqualTo("> **Read me**\n> \n> body");
            assertThat(md("{panel}\nno title\n{panel}")).isEqualTo("> no title");
        }
    }

    @Nested
    class Code {

        @Test
        void codeMacroBecomesAFenceWithTheLanguage() {
            assertThat(md("{code:java}\nint x = 1;\n{code}")).isEqualTo("```java\nint x = 1;\n```");
        }

        @Test
        void codeMacroParametersNameLanguageAndTitle() {
            assertThat(md("{code:title=Example.java|language=java|borderStyle=solid}\nclass A {}\n{code}"))
                    .isEqualTo("**Example.java**\n\n```java\nclass A {}\n```");
        }

        @Test
        void codeWithoutLanguageAndNoformatHaveNoInfoString() {
            assertThat(md("{code}\nplain *not bold*\n{code}\n{noformat}\n# not a list\n{noformat}"))
                    .isEqualTo("```\nplain *not bold*\n```\n\n```\n# not a list\n```");
        }

        @Test
        void fenceOutgrowsBackticksInTheCode() {
            assertThat(md("{code:md}\n```\n{code}")).isEqualTo("````md\n```\n````");
        }

        @Test
        void oneLineCodeAmidTextIsACodeSpan() {
            assertThat(md("run {code}make *all*{code} then {noformat}x_y{noformat}.")).isEqualTo("run `make *all*` then `x_y`.");
        }

        @Test
        void monospaceIsACodeSpan() {
            assertThat(md("call {{foo_bar(*x*)}} now")).isEqualTo("call `foo_bar(*x*)` now");
        }

        @Test
        void codeMayHoldTheClosingTagOfAQuote() {
            assertThat(md("{quote}\n{code}\n{quote}\n{code}\nafter\n{quote}"))
                    .isEqualTo("> ```\n> {quote}\n> ```\n> \n> after");
        }
    }

    @Nested
    class Inlines {

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '§', textBlock = """
                *bold*                           § **bold**
                _italic_                         § *italic*
                -struck-                         § ~~struck~~
                +inserted+                       § inserted
                x ^sup^ and ~sub~                § x sup and sub
                ??cited??                        § *cited*
                *bold _and italic_*              § **bold *and italic***
                {color:red}red{color} text       § red text
                {anchor:top}Top                  § Top
                """)
        void effectsBecomeMarkdownOrKeepTheirText(String wiki, String markdown) {
            assertThat(md(wiki)).isEqualTo(markdown);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"well-known and half-baked", "snake_case_name", "2*3*4", "a - b - c", "x -- y -- z",
                "*not closed", "mc^2"})
        void delimitersInsideWordsOrUnclosedStayText(String wiki) {
            assertThat(readBack(md(wiki))).isEqualTo(wiki);
        }

        @Test
        void doubleBackslashBreaksTheLine() {
            assertThat(md("a \\\\ b")).isEqualTo("a  \nb");
        }

        @Test
        void linksWithAndWithoutAlias() {
            assertThat(md("[Docs *here*|https://example.com/a_b] [https://x.y/z] [www.example.org] [mail|mailto:a@b.c] [mailto:d@e.f]"))
                    .isEqualTo("[Docs **here**](https://example.com/a_b) [https://x.y/z](https://x.y/z) "
                            + "[www.example.org](http://www.example.org) [mail](mailto:a@b.c) [d@e.f](mailto:d@e.f)");
        }

        @Test
        void bareUrlsBecomeLinksSoUnderscoresStayInThem() {
            assertThat(md("see https://x.y/a_b_c. or (http://q.r/s)"))
                    .isEqualTo("see [https://x.y/a\\_b\\_c](https://x.y/a_b_c). or ([http://q.r/s](http://q.r/s))");
        }

        @Test
        void mentionsBecomeAtNames() {
            assertThat(md("[~jdoe] and [~accountid:5b10ac8d82e05b22cc7d4ef5]")).isEqualTo("@jdoe and @5b10ac8d82e05b22cc7d4ef5");
        }

        @Test
        void anchorsAndIssueKeysStayText() {
            assertThat(md("[#intro] [Intro|#intro] ABC-12 [ABC-13] [see|ABC-14]")).isEqualTo("intro Intro ABC-12 ABC-13 see ABC-14");
        }

        @Test
        void imagesAndAttachmentLinksBecomeThePlaceholder() {
            assertThat(md("!screen.png! !diagram.png|thumbnail! [^report.pdf] [the log|^build.log]"))
                    .isEqualTo("\\[attachment: screen.png\\] \\[attachment: diagram.png\\] \\[attachment: report.pdf\\] "
                            + "the log \\[attachment: build.log\\]");
        }

        @Test
        void externalImageIsAnImage() {
            assertThat(md("!https://x.y/i.png!")).isEqualTo("![](https://x.y/i.png)");
        }

        @Test
        void exclamationMarksInProseAreNoImage() {
            assertThat(md("Wow! Great!")).isEqualTo("Wow! Great!");
            assertThat(md("Hi!there.png!")).isEqualTo("Hi!there.png!");
        }

        @Test
        void emoticonsBecomeUnicode() {
            assertThat(md(":) (y) (/) (x) (!) (i) ;)")).isEqualTo("🙂 👍 ✅ ❌ ⚠️ ℹ️ 😉");
        }

        @Test
        void emoticonSpellingsInsideWordsStayText() {
            assertThat(md("f(x) and C:D")).isEqualTo("f(x) and C:D");
        }

        @Test
        void backslashEscapesMarkup() {
            assertThat(readBack(md("\\*not bold\\* \\[not a link\\] \\{{not mono}} C:\\temp"))).isEqualTo("*not bold* [not a link] {{not mono}} C:\\temp");
        }
    }

    @Nested
    class Lists {

        @Test
        void bulletAndNumberedListsNest() {
            assertThat(md("* a\n** a1\n**# a1a\n* b\n\n# one\n## one.one\n# two"))
                    .isEqualTo("- a\n  - a1\n    1. a1a\n- b\n\n1. one\n   1. one.one\n2. two");
        }

        @Test
        void dashIsABullet() {
            assertThat(md("- first\n- second")).isEqualTo("- first\n- second");
        }

        @Test
        void changingTheMarkerKindStartsAnotherList() {
            assertThat(md("* a\n# b\n*# c")).isEqualTo("- a\n\n1. b\n\n- 1. c");
        }

        @Test
        void itemDeeperThanAnyBeforeHangsUnderAnEmptyItem() {
            assertThat(md("** deep")).isEqualTo("- - deep");
        }

        @Test
        void lineWithoutMarkerEndsTheList() {
            assertThat(md("* item\nparagraph")).isEqualTo("- item\n\nparagraph");
        }

        @Test
        void markersWithoutSpaceAreText() {
            assertThat(md("*bold* start\n#hashtag")).isEqualTo("**bold** start  \n\\#hashtag");
        }
    }

    @Nested
    class Tables {

        @Test
        void headerRowAndCellsBecomeAGfmTable() {
            assertThat(md("||Name||Value||\n|a|*b*|\n|[x|http://a.b]|c\\\\d|"))
                    .isEqualTo("|Name|Value|\n|---|---|\n|a|**b**|\n|[x](http://a.b)|c<br>d|");
        }

        @Test
        void tableWithoutHeaderRowGetsAnEmptyOne() {
            assertThat(md("|a|b|")).isEqualTo("|||\n|---|---|\n|a|b|");
        }

        @Test
        void shortRowsArePaddedAndPipesInCellTextEscaped() {
            assertThat(md("||h1||h2||h3||\n|only|\n|{{a|b}}|x\\|y|")).isEqualTo("|h1|h2|h3|\n|---|---|---|\n|only|||\n|`a\\|b`|x\\|y||");
        }
    }

    @Nested
    class Escaping {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1. not a list", "+ not a list", "> not a quote", "#not a heading", "a <b>tag</b> &amp; entity",
                "`tick` and ``two``", "[not](a-link)", "a_b_c and 2*3", "    indented text",
                "=== underline", "***", "&#42; entity"})
        void textThatLooksLikeMarkdownReadsBackAsTheSameText(String plain) {
            String markdown = md(plain);
            assertThat(readBack(markdown)).as(markdown).isEqualTo(plain.strip());
        }
    }

    @Nested
    class Degrading {

        @Test
        void unknownMacroStaysTextWithAWarning() {
            Markdown markdown = converter.convertWithWarnings("intro\n{toc}\nmore");
            assertThat(markdown.text()).isEqualTo("intro  \n{toc}  \nmore");
            assertThat(markdown.warnings()).containsExactly("line 2: {toc} macro not supported; kept as text");
        }

        @Test
        void unclosedCodeStaysTextWithAWarning() {
            Markdown markdown = converter.convertWithWarnings("a\n{code:java}\nint *x*;");
            assertThat(markdown.text()).isEqualTo("a  \n{code:java}  \nint **x**;");
            assertThat(markdown.warnings()).containsExactly("line 2: {code} without its closing tag kept as text");
        }

        @Test
        void linkToNeitherUrlNorIssueStaysTextWithAWarning() {
            Markdown markdown = converter.convertWithWarnings("[INFO] started");
            assertThat(markdown.text()).isEqualTo("\\[INFO\\] started");
            assertThat(markdown.warnings()).containsExactly("line 1: link target 'INFO' is neither a URL nor an issue key; kept as text");
        }

        @Test
        void unbalancedMarkupKeepsEveryCharacter() {
            String wiki = "*a _b [c|d {{e ?? f";
            assertThat(readBack(md(wiki))).isEqualTo(wiki);
        }
    }
}
