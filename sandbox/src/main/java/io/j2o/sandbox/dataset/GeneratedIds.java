package io.j2o.sandbox.dataset;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NumericNode;

/**
 * Where a generated site's numeric ids start: every id the generator writes (entities, statuses, types, priorities,
 * link types, roles, sprints, custom fields and their options, and the ids inside {@code self} URLs) is its usual
 * value plus {@link #base()}, so a generated site can share one Jira with real data whose ids lie below the base.
 * Base 0 is the generator's usual output.
 *
 * <p>Bases are whole multiples of {@link #UNIT}, far more than one generated site uses (its ids stay below 1,000,000
 * above the base), so a generated custom field id tells which base wrote it: see {@link DatasetCustomFields#idsOf}.
 * Jira's fixed status category ids (1–4) are the same on every site and are not moved.
 */
public record GeneratedIds(long base) {

    public static final long UNIT = 1_000_000;
    public static final GeneratedIds DEFAULT = new GeneratedIds(0);

    public GeneratedIds {
        if (base < 0 || base % UNIT != 0) {
            throw new IllegalArgumentException("an id base is a non-negative multiple of " + UNIT + ", was " + base);
        }
    }

    /** The id a site at base 0 writes as {@code usual}, moved to this base. */
    long id(long usual) {
        return base + usual;
    }

    /** The same as {@link #id(long)}, as the string Jira writes most ids as. */
    String text(long usual) {
        return String.valueOf(id(usual));
    }

    /**
     * The same as a JSON number, an int while it fits as Jackson reads one, so a node built here equals the node
     * read back from its JSON.
     */
    NumericNode number(long usual) {
        long id = id(usual);
        return id == (int) id ? IntNode.valueOf((int) id) : LongNode.valueOf(id);
    }
}
