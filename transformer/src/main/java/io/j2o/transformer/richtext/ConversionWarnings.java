package io.j2o.transformer.richtext;

import java.util.ArrayList;
import java.util.List;

/** Collects the lossy spots of one conversion, each tagged with the JSON pointer of its node. */
final class ConversionWarnings {

    private final List<String> lines = new ArrayList<>();

    void add(AdfNode at, String what) {
        lines.add((at.pointer().isEmpty() ? "/" : at.pointer()) + ": " + what);
    }

    List<String> lines() {
        return lines;
    }
}
