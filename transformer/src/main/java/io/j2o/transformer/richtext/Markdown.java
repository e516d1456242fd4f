package io.j2o.transformer.richtext;

import java.util.List;
import java.util.Objects;

/**
 * Markdown converted from rich text, with what the conversion could not carry over faithfully.
 *
 * @param text     CommonMark/GFM Markdown; empty for an empty or absent document
 * @param warnings one line per lossy spot, each {@code <where>: <what happened>} (a JSON pointer for ADF, {@code line N}
 *                 for wiki markup); empty when nothing was lost
 */
public record Markdown(String text, List<String> warnings) {

    public Markdown {
        Objects.requireNonNull(text, "text");
        warnings = List.copyOf(warnings);
    }

    static final Markdown EMPTY = new Markdown("", List.of());
}
