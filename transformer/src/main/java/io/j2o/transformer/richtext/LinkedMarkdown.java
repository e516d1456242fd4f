package io.j2o.transformer.richtext;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown whose soft references (issue keys, mentions, inline images) are still open: the template holds a token
 * for each, {@link #render} fills in whatever text each should read as.
 *
 * @param template   Markdown with the token {@code U+E000 <index> U+E002} where reference {@code index} stands
 * @param references the soft references, in order of first appearance; the same one can appear more than once
 * @param warnings   as {@link Markdown#warnings()}
 */
public record LinkedMarkdown(String template, List<SoftReference> references, List<String> warnings) {

    private static final Pattern TOKEN = Pattern.compile("\uE000(\\d+)\uE002");

    public LinkedMarkdown {
        Objects.requireNonNull(template, "template");
        references = List.copyOf(references);
        warnings = List.copyOf(warnings);
    }

    static final LinkedMarkdown EMPTY = new LinkedMarkdown("", List.of(), List.of());

    /** The token that stands for reference {@code index} in a template. */
    public static String token(int index) {
        return "\uE000" + index + "\uE002";
    }

    /** The template with each token replaced by {@code text.apply(index)}; tokens of unknown indexes stay. */
    public static String render(String template, int referenceCount, IntFunction<String> text) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(
                    index < referenceCount ? text.apply(index) : matcher.group()));
        }
        return matcher.appendTail(out).toString();
    }

    /** The Markdown with every reference as its fallback text; issue keys stay plain (no site to link to). */
    public String fallback() {
        return render(template, references.size(), index -> SoftReferenceText.fallback(references.get(index), null));
    }
}
