package io.j2o.transformer.richtext;

import java.util.LinkedHashMap;
import java.util.Map;

/** Jira's emoticons and the Unicode characters they stand for. */
final class WikiEmoticons {

    /** Longer spellings first, so {@code (*r)} is not read as {@code (*)} followed by text. */
    private static final Map<String, String> EMOTICONS = new LinkedHashMap<>();

    static {
        String[][] pairs = {
            {":-)", "🙂"}, {":)", "🙂"}, {":-(", "🙁"}, {":(", "🙁"}, {":-P", "😛"}, {":P", "😛"}, {":p", "😛"},
            {":-D", "😀"}, {":D", "😀"}, {";-)", "😉"}, {";)", "😉"}, {"(y)", "👍"}, {"(n)", "👎"}, {"(i)", "ℹ️"},
            {"(/)", "✅"}, {"(x)", "❌"}, {"(!)", "⚠️"}, {"(+)", "➕"}, {"(-)", "➖"}, {"(?)", "❓"},
            {"(on)", "💡"}, {"(off)", "💡"}, {"(*r)", "⭐"}, {"(*g)", "⭐"}, {"(*b)", "⭐"}, {"(*y)", "⭐"},
            {"(*)", "⭐"}, {"(flagoff)", "🏳️"}, {"(flag)", "🚩"},
        };
        for (String[] pair : pairs) {
            EMOTICONS.put(pair[0], pair[1]);
        }
    }

    private WikiEmoticons() {
    }

    /**
     * The emoticon spelled at {@code start}, or null. Like Jira, only where it stands apart from a word: "f(x)" and
     * "C:D" are text.
     */
    static Map.Entry<String, String> at(String text, int start, int limit) {
        if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
            return null;
        }
        for (Map.Entry<String, String> emoticon : EMOTICONS.entrySet()) {
            String spelling = emoticon.getKey();
            int after = start + spelling.length();
            if (after <= limit && text.startsWith(spelling, start)
                    && (after == text.length() || !Character.isLetterOrDigit(text.charAt(after)))) {
                return emoticon;
            }
        }
        return null;
    }
}
