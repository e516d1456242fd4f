package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.List;

/** Collects the lossy spots of one conversion, each tagged with where it is in the source. */
final class ConversionWarnings {

    private final List<String> lines = new ArrayList<>();

    /** A warning at an ADF node, tagged with its JSON pointer. */
    void add(AdfNode at, String what) {
        add(at.pointer().isEmpty() ? "/" : at.pointer(), what);
    }

    /** A warning tagged with {@code where}: a JSON pointer, or "line N" for wiki markup. */
    void add(String where, String what) {
        lines.add(where + ": " + what);
    }

    List<String> lines() {
        return lines;
    }
}
