package io.j2o.transformer.richtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's pandoc reads Jira wiki markup too ({@code pandoc -f jira -t gfm}): an independent oracle for what the text
 * of a document is. The Markdown differs in form (pandoc writes HTML for mentions, panels and colours), so only the
 * words a reader sees are compared. Emoticons, images and citations are left out: pandoc renders them differently by
 * design (no alt text, a dash before citations).
 */
class WikiToMarkdownPandocTest {

    private final WikiToMarkdown converter = new WikiToMarkdown();

    @BeforeAll
    static void pandocIsInstalled() {
        assumeTrue(runs("pandoc", "--version"), "pandoc is not installed (apt-get install pandoc) - oracle test skipped");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        """
        h1. Release notes

        The *new* build fixes _several_ issues in the -old- parser.
        See [the docs|https://example.com/docs] and [https://example.com/faq].

        h2. Steps
        # Open the app
        # Click *Save*
        ## Wait a bit
        # Done

        * bullet one
        ** nested bullet
        * bullet two
        """,
        """
        ||Name||Value||
        |alpha|1|
        |beta|*2* and [link|http://x.y]|

        {code:java}
        public static void main(String[] args) {}
        {code}

        {noformat}
        raw output *here*
        {noformat}

        bq. A quoted line.

        {quote}
        A longer quote with {{mono}} text.
        {quote}

        ----
        Ending paragraph with a line\\\\break.
        """,
        """
        {panel}
        Panel body text.
        {panel}
        Mention [~jdoe] please. Issue ABC-123 is related.
        {color:red}Red warning{color} and +underlined+ words, x^2^ and H~2~O.
        """,
        """
        Markdown-looking text: 1. not a list, a_b_c, 2*3*4, <b>not html</b>, `ticks`, # hash and > arrow.
        Snake_case_names and file-names-with-dashes stay whole.
        """,
        """
        h3. Mixed lists
        * first
        *# numbered under bullet
        *# second numbered
        * back to bullets

        # one
        #* bullet under number
        """,
        """
        Windows line ends\r
        in a paragraph\r
        \r
        h4. and a heading\r
        """,
    })
    void textMatchesPandoc(String wiki) throws IOException, InterruptedException {
        String ours = converter.convert(wiki);
        String theirs = pandoc(wiki);

        assertThat(WikiText.wordsOfMarkdown(ours))
                .as("words of our Markdown vs pandoc's%n--- ours:%n%s%n--- pandoc:%n%s", ours, theirs)
                .isEqualTo(WikiText.wordsOfMarkdown(theirs));
    }

    private static String pandoc(String wiki) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("pandoc", "-f", "jira", "-t", "gfm").redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(wiki.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("pandoc finished").isTrue();
        assertThat(process.exitValue()).as("pandoc exit code, output: %s", out).isZero();
        return out;
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
