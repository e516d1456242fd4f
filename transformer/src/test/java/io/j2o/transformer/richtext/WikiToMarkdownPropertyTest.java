package io.j2o.transformer.richtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random wiki markup: text built from words and the characters that wiki markup and Markdown give meaning to
 * keeps its words in order; malformed markup of any kind converts without exception, and in linear time.
 */
class WikiToMarkdownPropertyTest {

    /** Words and wiki or Markdown punctuation; no construct that drops or adds words (macros, links, emoticons). */
    private static final String[] PLAIN_TOKENS = {
        "alpha", "beta", "gamma", "Δelta", "naïve", "42", "3.14", "*", "**", "_", "__", "-", "--", "---", "+", "^", "~",
        "??", "#", "##", "1.", "2)", ">", "<b>", "</b>", "&amp;", "&#42;", "`", "``", "```", "|", "||", "\\", "\\\\",
        "=", "----", "a*b*c", "foo_bar", "*x*", "_y_", "-z-", "+w+", "^v^", "~u~", "??t??", "\n", "\n", "\n\n", "  ",
        "\t", "* ", "# ", "*# ", "- ", "    ", "x\\*y"
    };

    /** Everything the converter knows, cut up and shuffled, plus stray brackets and braces. */
    private static final String[] MARKUP_TOKENS = {
        "{code}", "{code:java}", "{code:title=a|language=go}", "{noformat}", "{quote}", "{panel}", "{panel:title=T}",
        "{color:red}", "{color}", "{anchor:x}", "{toc}", "{", "}", "{{", "}}", "[", "]", "|", "||", "[~bob]",
        "[x|http://a.b/c_d]", "[^f.png]", "[#a]", "[ABC-1]", "!", "!i.png!", "!i.png|thumbnail!", "!http://x/y.png!",
        ":)", "(y)", "(x)", "(/)", "(!)", ";)", "h1. ", "h4. ", "bq. ", "----", "http://x.y/a_b", "\r\n", "\r", "\u0000",
        "\uD83D\uDE00", "\uD800", " ", "word", "*", "_", "-", "+", "^", "~", "??", "\\", "\\\\", "#", "\n", "\n\n", "\t"
    };

    private final WikiToMarkdown converter = new WikiToMarkdown();

    static IntStream seeds() {
        return IntStream.range(0, 1000);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void wordsOfPlainTextSurviveInOrder(int seed) {
        String wiki = randomText(new Random(seed), PLAIN_TOKENS, 60, true);

        String markdown = converter.convert(wiki);

        assertThat(WikiText.wordsOfMarkdown(markdown))
                .as("words of the Markdown read back%n--- Markdown:%n%s%n--- wiki:%n%s", markdown, wiki)
                .isEqualTo(WikiText.words(wiki));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void malformedMarkupNeverThrows(int seed) {
        String wiki = randomText(new Random(seed), MARKUP_TOKENS, 80, false);

        Markdown markdown = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> converter.convertWithWarnings(wiki), wiki);

        assertThat(markdown.text()).isNotNull();
        assertThat(markdown.warnings()).allMatch(warning -> warning.matches("line [1-9][0-9]*: .+"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"*a ", "_a ", "{quote}", "{panel}{quote}", "{code}", "[", "[a|", "!a", "{{a ", "??a ", "* ",
        "|", "||a", "-a-b ", "*_-+^~", "{color:red}", "\\", "{x:", "(", ":", "h1. *"})
    void longRepetitiveInputConvertsInLinearTime(String unit) {
        String wiki = unit.repeat(32_000 / unit.length());

        assertTimeoutPreemptively(Duration.ofSeconds(3), () -> converter.convertWithWarnings(wiki));
    }

    @Test
    void deeplyNestedEffectsDoNotOverflowTheStack() {
        String wiki = "*_-+".repeat(5_000) + "x" + "+-_*".repeat(5_000);

        assertThat(converter.convert(wiki)).contains("x");
    }

    /**
     * Tokens in random order. With {@code spaced}, tokens never touch: markup dropped between two words ("+w+^v^")
     * would rightly join them into one.
     */
    private static String randomText(Random random, String[] tokens, int maxTokens, boolean spaced) {
        StringBuilder text = new StringBuilder();
        int count = 1 + random.nextInt(maxTokens);
        for (int i = 0; i < count; i++) {
            text.append(tokens[random.nextInt(tokens.length)]);
            if (spaced || random.nextInt(3) != 0) {
                text.append(' ');
            }
        }
        return text.toString();
    }
}
