package io.j2o.transformer.richtext;

import java.util.Locale;

/**
 * A macro tag such as {@code {code:java}} or {@code {panel:title=Notes|borderStyle=dashed}}: the text from
 * {@code start} (its brace) to {@code end} (after its closing brace). The closing tag of a macro has no parameters.
 */
record WikiMacro(String name, String params, int start, int end) {

    private static final int LONGEST_TAG = 1000;

    /**
     * The tag that opens at {@code start}, or null: a brace, ASCII letters, optionally a colon and parameters, and a
     * closing brace, on one line before {@code limit}. A brace after a brace or a backslash opens no tag ({@code {{}
     * is monospace, {@code \{} an escaped brace).
     */
    static WikiMacro at(String text, int start, int limit) {
        if (text.charAt(start) != '{' || start > 0 && (text.charAt(start - 1) == '{' || text.charAt(start - 1) == '\\')) {
            return null;
        }
        int i = start + 1;
        while (i < limit && isAsciiLetter(text.charAt(i))) {
            i++;
        }
        if (i == start + 1 || i >= limit) {
            return null;
        }
        String name = text.substring(start + 1, i).toLowerCase(Locale.ROOT);
        if (text.charAt(i) == '}') {
            return new WikiMacro(name, "", start, i + 1);
        }
        if (text.charAt(i) != ':') {
            return null;
        }
        for (int close = i + 1; close < limit && close - start < LONGEST_TAG; close++) {
            char c = text.charAt(close);
            if (c == '}') {
                return new WikiMacro(name, text.substring(i + 1, close), start, close + 1);
            }
            if (c == '\n' || c == '{') {
                return null;
            }
        }
        return null;
    }

    boolean isBare() {
        return params.isEmpty();
    }

    /** The value of {@code key=value} among the parameters, or null. */
    String param(String key) {
        for (String part : params.split("\\|")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(key)) {
                return part.substring(eq + 1).strip();
            }
        }
        return null;
    }

    /** The first parameter without a key ({@code java} in {@code {code:java}}), or null. */
    String firstUnnamedParam() {
        for (String part : params.split("\\|")) {
            if (!part.contains("=") && !part.isBlank()) {
                return part.strip();
            }
        }
        return null;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
