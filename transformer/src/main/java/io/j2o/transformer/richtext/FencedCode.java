package io.j2o.transformer.richtext;

import org.commonmark.node.FencedCodeBlock;

/** Builds fenced code blocks whose fence no line of the code can close. */
final class FencedCode {

    private FencedCode() {
    }

    /** A backtick-fenced block; {@code language} becomes the info string when it is one word without backticks. */
    static FencedCodeBlock of(String code, String language) {
        // The fence must be longer than any backtick run inside, or a line of backticks would close it.
        int fence = Math.max(3, longestRun(code, '`') + 1);
        FencedCodeBlock block = new FencedCodeBlock();
        block.setFenceCharacter("`");
        block.setOpeningFenceLength(fence);
        block.setClosingFenceLength(fence);
        if (language != null && language.matches("[^\\s`]+")) {
            block.setInfo(language);
        }
        block.setLiteral(code.isEmpty() || code.endsWith("\n") ? code : code + "\n");
        return block;
    }

    private static int longestRun(String text, char c) {
        int longest = 0;
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            current = text.charAt(i) == c ? current + 1 : 0;
            longest = Math.max(longest, current);
        }
        return longest;
    }
}
