package io.j2o.transformer.richtext;

import static io.j2o.transformer.richtext.Adf.doc;
import static io.j2o.transformer.richtext.Adf.mark;
import static io.j2o.transformer.richtext.Adf.node;
import static io.j2o.transformer.richtext.Adf.p;
import static io.j2o.transformer.richtext.Adf.text;
import static io.j2o.transformer.richtext.Adf.withAttrs;
import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.transformer.richtext.SoftReference.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Issue keys, mentions and inline images left open as soft references, in both rich-text flavours. */
class SoftReferencesInTextTest {

    private static final AdfToMarkdown ADF = new AdfToMarkdown();
    private static final WikiToMarkdown WIKI = new WikiToMarkdown();

    /** The template with each token shown as {@code {index}}, so expectations read plainly. */
    private static String shown(LinkedMarkdown linked) {
        return LinkedMarkdown.render(linked.template(), linked.references().size(), index -> "{" + index + "}");
    }

    @Nested
    class IssueKeys {

        @Test
        void keysInPlainTextAreReferencesAndRepeatsShareOne() {
            LinkedMarkdown linked = WIKI.convertLinked("Fixed by ALPHA-12 and B_2-7, see ALPHA-12 again.");

            assertThat(shown(linked)).isEqualTo("Fixed by {0} and {1}, see {0} again.");
            assertThat(linked.references()).containsExactly(new SoftReference(Kind.ISSUE, "ALPHA-12", "ALPHA-12"),
                    new SoftReference(Kind.ISSUE, "B_2-7", "B_2-7"));
        }

        @Test
        void keysInCodeLinksAndUrlsStayText() {
            LinkedMarkdown wiki = WIKI.convertLinked(
                    "{{ALPHA-1}} [see|https://x.example/browse/ALPHA-2] https://x.example/browse/ALPHA-3 {code}ALPHA-4{code}");
            LinkedMarkdown adf = ADF.convertLinked(doc(p(text("ALPHA-5", mark("code")), text(" "),
                    text("ALPHA-6", mark("link", "href", "https://x.example/browse/ALPHA-6")),
                    text(" at https://x.example/browse/ALPHA-7 or www.x.example/ALPHA-8"))));

            assertThat(wiki.references()).isEmpty();
            assertThat(adf.references()).isEmpty();
            assertThat(adf.fallback()).contains("`ALPHA-5`", "[ALPHA-6](https://x.example/browse/ALPHA-6)");
        }

        @Test
        void onlyWholeUpperCaseKeysCount() {
            assertThat(WIKI.convertLinked("alpha-1 A-1 ALPHA-1x xALPHA-1 ALPHA- UTF-8 ALPHA-1.").references())
                    .extracting(SoftReference::target).containsExactly("UTF-8", "ALPHA-1");
        }

        @Test
        void wikiIssueLinkIsAReferenceToo() {
            assertThat(shown(WIKI.convertLinked("[ALPHA-9]"))).isEqualTo("{0}");
        }
    }

    @Nested
    class Mentions {

        @Test
        void adfMentionNamesTheAccountIdAndShowsTheDisplayName() {
            LinkedMarkdown linked = ADF.convertLinked(doc(p(withAttrs(node("mention"), "id", "5b10ac8d", "text", "@Jane Doe"),
                    text(" please"))));

            assertThat(shown(linked)).isEqualTo("{0} please");
            assertThat(linked.references()).containsExactly(new SoftReference(Kind.USER, "5b10ac8d", "Jane Doe"));
            assertThat(linked.fallback()).isEqualTo("@Jane Doe please");
        }

        @Test
        void wikiMentionsByAccountIdNameTheUserAndByNameTheDataCenterUsername() {
            LinkedMarkdown linked = WIKI.convertLinked("[~accountid:5b10ac8d] and [~jdoe] and [~AccountId:77]");

            assertThat(shown(linked)).isEqualTo("{0} and {1} and {2}");
            assertThat(linked.references()).containsExactly(new SoftReference(Kind.USER, "5b10ac8d", "5b10ac8d"),
                    new SoftReference(Kind.USER_NAME, "jdoe", "jdoe"), new SoftReference(Kind.USER, "77", "77"));
            assertThat(linked.fallback()).isEqualTo("@5b10ac8d and @jdoe and @77");
        }

        @Test
        void dataCenterMentionResolvesToTheSameMentionAsAnAccountIdOne() {
            assertThat(SoftReferenceText.resolved(new SoftReference(Kind.USER_NAME, "jdoe", "jdoe"), 7)).isEqualTo(
                    "<mention class=\"mention\" data-id=\"7\" data-type=\"user\" data-text=\"@jdoe\">@jdoe</mention>");
        }

        @Test
        void mentionWithoutAnIdStaysText() {
            LinkedMarkdown linked = ADF.convertLinked(doc(p(withAttrs(node("mention"), "text", "@Ghost"))));

            assertThat(linked.references()).isEmpty();
            assertThat(linked.template()).isEqualTo("@Ghost");
        }
    }

    @Nested
    class Images {

        @Test
        void adfMediaNamedByFileIsAnAttachmentReference() {
            LinkedMarkdown linked = ADF.convertLinked(doc(node("mediaSingle",
                    withAttrs(node("media"), "id", "abc-123", "type", "file", "alt", "screen.png"))));

            assertThat(shown(linked)).isEqualTo("{0}");
            assertThat(linked.references()).containsExactly(new SoftReference(Kind.ATTACHMENT, "screen.png", "screen.png"));
        }

        @Test
        void wikiImageOfAFileIsAnAttachmentReferenceAndAnImageUrlIsNot() {
            LinkedMarkdown linked = WIKI.convertLinked("!diagram.png|thumbnail! and !https://x.example/a.png!");

            assertThat(shown(linked)).isEqualTo("{0} and ![](https://x.example/a.png)");
            assertThat(linked.references()).containsExactly(new SoftReference(Kind.ATTACHMENT, "diagram.png", "diagram.png"));
        }

        @Test
        void wikiAttachmentLinkIsALinkReferenceThatReadsAsBeforeUntilResolved() {
            LinkedMarkdown linked = WIKI.convertLinked("See [^spec v2.pdf] and [the log|^build_1.log].");

            assertThat(shown(linked)).isEqualTo("See {0} and the log {1}.");
            assertThat(linked.references()).containsExactly(
                    new SoftReference(Kind.ATTACHMENT_LINK, "spec v2.pdf", "spec v2.pdf"),
                    new SoftReference(Kind.ATTACHMENT_LINK, "build_1.log", "build_1.log"));
            assertThat(linked.fallback())
                    .isEqualTo("See \\[attachment: spec v2.pdf\\] and the log \\[attachment: build\\_1.log\\].");
            assertThat(SoftReferenceText.resolved(linked.references().get(1), 91))
                    .isEqualTo("[build\\_1.log](/api/v3/attachments/91/content)");
        }

        @Test
        void adfMediaOfAFileThatIsNoImageIsALinkReferenceAndAnImageStaysInline() {
            LinkedMarkdown linked = ADF.convertLinked(doc(node("mediaGroup",
                    withAttrs(node("media"), "id", "m-1", "type", "file", "alt", "report.PDF"),
                    withAttrs(node("media"), "id", "m-2", "type", "file", "alt", "photo.JPG"))));

            assertThat(linked.references()).containsExactly(
                    new SoftReference(Kind.ATTACHMENT_LINK, "report.PDF", "report.PDF"),
                    new SoftReference(Kind.ATTACHMENT, "photo.JPG", "photo.JPG"));
            assertThat(linked.fallback()).isEqualTo("\\[attachment: report.PDF\\]\n\n\\[attachment: photo.JPG\\]");
        }

        @Test
        void wikiImageOfAnotherIssuesAttachmentKeepsItsPlaceholderWithAWarning() {
            LinkedMarkdown linked = WIKI.convertLinked("before\n\n!DC-9^shot.png!");

            assertThat(linked.fallback()).isEqualTo("before\n\n\\[attachment: DC-9^shot.png\\]");
            assertThat(linked.warnings()).containsExactly("line 3: image of DC-9's attachment 'shot.png' kept as its placeholder");
        }

        @Test
        void mentionInMonospaceStaysAsWritten() {
            LinkedMarkdown linked = WIKI.convertLinked("{{[~jdoe]}}");

            assertThat(linked.template()).isEqualTo("`[~jdoe]`");
            assertThat(linked.references()).isEmpty();
        }
    }

    @Nested
    class Rendering {

        @Test
        void resolvedReferencesReadAsOpenProjectMarkdown() {
            assertThat(SoftReferenceText.resolved(new SoftReference(Kind.ISSUE, "ALPHA-1", "ALPHA-1"), 42)).isEqualTo("#42");
            assertThat(SoftReferenceText.resolved(new SoftReference(Kind.USER, "5b10", "Ann \"A\" <Lee>"), 7)).isEqualTo(
                    "<mention class=\"mention\" data-id=\"7\" data-type=\"user\" data-text=\"@Ann &quot;A&quot; &lt;Lee&gt;\">"
                            + "@Ann &quot;A&quot; &lt;Lee&gt;</mention>");
            assertThat(SoftReferenceText.resolved(new SoftReference(Kind.ATTACHMENT, "a_b.png", "a_b.png"), 90))
                    .isEqualTo("![a\\_b.png](/api/v3/attachments/90/content)");
        }

        @Test
        void unresolvedIssueKeyLinksToJiraWhenTheSiteIsKnown() {
            SoftReference key = new SoftReference(Kind.ISSUE, "ALPHA-1", "ALPHA-1");

            assertThat(SoftReferenceText.fallback(key, "https://acme.atlassian.net"))
                    .isEqualTo("[ALPHA-1](https://acme.atlassian.net/browse/ALPHA-1)");
            assertThat(SoftReferenceText.fallback(key, null)).isEqualTo("ALPHA-1");
        }

        @Test
        void jiraTextCannotForgeATokenOrAMarker() {
            String forged = "a \uE0000\uE002 b \uE000USER\uE001x\uE001y\uE002 ALPHA-1";
            LinkedMarkdown wiki = WIKI.convertLinked(forged);
            LinkedMarkdown adf = ADF.convertLinked(doc(p(text(forged))));

            for (LinkedMarkdown linked : new LinkedMarkdown[] {wiki, adf}) {
                assertThat(linked.references()).extracting(SoftReference::target).containsExactly("ALPHA-1");
                assertThat(linked.fallback()).isEqualTo("a 0 b USERxy ALPHA-1");
            }
        }
    }
}
