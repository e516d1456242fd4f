package io.j2o.sandbox.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Confluent's compatibility levels, checked with Avro's own {@link SchemaCompatibility}. */
enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    static CompatibilityLevel parse(String level) {
        if (level == null) {
            throw RegistryError.invalidCompatibilityLevel("null");
        }
        try {
            return valueOf(level.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryError.invalidCompatibilityLevel(level);
        }
    }

    /** The schemas a candidate is checked against: all earlier ones if transitive, else the latest only. */
    List<Schema> relevant(List<Schema> existingOldestFirst) {
        if (transitive || existingOldestFirst.isEmpty()) {
            return existingOldestFirst;
        }
        return List.of(existingOldestFirst.get(existingOldestFirst.size() - 1));
    }

    /** Why {@code candidate} may not follow {@code existing} under this level; empty when it may. */
    List<String> incompatibilities(Schema candidate, List<Schema> existing) {
        List<String> problems = new ArrayList<>();
        for (Schema earlier : existing) {
            if (backward) {
                // BACKWARD: consumers on the new schema read data written with the earlier one.
                describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, earlier), "BACKWARD", problems);
            }
            if (forward) {
                describe(SchemaCompatibility.checkReaderWriterCompatibility(earlier, candidate), "FORWARD", problems);
            }
        }
        return problems;
    }

    private static void describe(SchemaCompatibility.SchemaPairCompatibility pair, String direction,
            List<String> problems) {
        for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
            problems.add("{direction:" + direction + ", type:" + incompatibility.getType()
                    + ", location:" + incompatibility.getLocation() + ", message:" + incompatibility.getMessage() + "}");
        }
    }
}
