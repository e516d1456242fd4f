package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

    /**
     * The same Markdown with only the references of {@code kinds} left open (renumbered), every other one written as
     * its fallback text: for a text that cannot show the rest resolved, such as a time entry's plain-text comment,
     * where a mention reads {@code @Name} whether or not the user is migrated.
     */
    public LinkedMarkdown keeping(Set<SoftReference.Kind> kinds) {
        List<SoftReference> kept = new ArrayList<>();
        Map<Integer, Integer> renumbered = new HashMap<>();
        for (int i = 0; i < references.size(); i++) {
            if (kinds.contains(references.get(i).kind())) {
                renumbered.put(i, kept.size());
                kept.add(references.get(i));
            }
        }
        String keptTemplate = render(template, references.size(), index -> renumbered.containsKey(index)
                ? token(renumbered.get(index)) : SoftReferenceText.fallback(references.get(index), null));
        return new LinkedMarkdown(keptTemplate, kept, warnings);
    }

    /** The Markdown with every reference as its fallback text; issue keys stay plain (no site to link to). */
    public String fallback() {
        return render(template, references.size(), index -> SoftReferenceText.fallback(references.get(index), null));
    }
}
