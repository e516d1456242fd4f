package io.j2o.sandbox.openproject;

import java.util.Map;

/**
 * A relation as OpenProject stores it: always in its canonical direction, so {@code A precedes B} is kept as
 * {@code B follows A}, and read back that way.
 */
final class Relation {

    /** Each type OpenProject stores reversed, with the canonical type it becomes. */
    static final Map<String, String> REVERSED = Map.of("duplicated", "duplicates", "blocked", "blocks",
            "precedes", "follows", "partof", "includes", "required", "requires");
    /** The canonical types with their reverse; {@code relates} is its own. */
    static final Map<String, String> REVERSE_OF = Map.of("relates", "relates", "duplicates", "duplicated",
            "blocks", "blocked", "follows", "precedes", "includes", "partof", "requires", "required");

    int id;
    int fromId;
    int toId;
    String type;
    String description;
    Integer lag;

    static boolean isKnownType(String type) {
        return REVERSED.containsKey(type) || REVERSE_OF.containsKey(type);
    }

    boolean joins(int a, int b) {
        return (fromId == a && toId == b) || (fromId == b && toId == a);
    }
}
