package io.j2o.transformer.richtext;

import java.util.Arrays;
import java.util.stream.IntStream;

/** Jira wiki markup being converted, with line numbers for the warnings about it. */
final class WikiSource {

    private final String text;
    private final int[] lineStarts;
    private final ConversionWarnings warnings;

    WikiSource(String text, ConversionWarnings warnings) {
        this.text = text;
        this.warnings = warnings;
        this.lineStarts = IntStream.concat(IntStream.of(0),
                IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1)).toArray();
    }

    String text() {
        return text;
    }

    /** Where the line holding {@code offset} ends: at its newline, or at {@code limit} if that comes first. */
    int lineEnd(int offset, int limit) {
        int newline = text.indexOf('\n', offset);
        return newline < 0 || newline > limit ? limit : newline;
    }

    void warn(int offset, String what) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index + 1 : -index - 1;
        warnings.add("line " + line, what);
    }
}
