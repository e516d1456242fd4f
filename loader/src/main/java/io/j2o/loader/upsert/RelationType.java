package io.j2o.loader.upsert;

import java.util.Map;

/** OpenProject's eleven relation types and how each reads from the other work package. */
final class RelationType {

    private static final Map<String, String> REVERSE = Map.ofEntries(
            Map.entry("relates", "relates"),
            Map.entry("duplicates", "duplicated"), Map.entry("duplicated", "duplicates"),
            Map.entry("blocks", "blocked"), Map.entry("blocked", "blocks"),
            Map.entry("precedes", "follows"), Map.entry("follows", "precedes"),
            Map.entry("includes", "partof"), Map.entry("partof", "includes"),
            Map.entry("requires", "required"), Map.entry("required", "requires"));

    private RelationType() {
    }

    static boolean isKnown(String type) {
        return REVERSE.containsKey(type);
    }

    /** {@code A precedes B} is {@code B follows A}; {@code relates} reads the same both ways. */
    static String reverse(String type) {
        return REVERSE.get(type);
    }
}
