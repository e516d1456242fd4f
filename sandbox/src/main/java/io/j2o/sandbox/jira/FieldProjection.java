package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Jira's {@code fields} parameter: a comma list (the parameter may repeat) of field ids, {@code *all},
 * {@code *navigable} and {@code -field} exclusions. {@code id} and {@code key} are not fields; asking for only
 * those is the cheap "identifiers only" search.
 */
final class FieldProjection {

    private static final Set<String> IDENTIFIERS = Set.of("id", "key");

    private final boolean all;
    private final Set<String> included;
    private final Set<String> excluded;

    private FieldProjection(boolean all, Set<String> included, Set<String> excluded) {
        this.all = all;
        this.included = included;
        this.excluded = excluded;
    }

    /** Parses the parameter values; with none given, {@code defaultValue} applies ({@code id} or {@code *all}). */
    static FieldProjection parse(List<String> parameters, String defaultValue) {
        List<String> tokens = parameters.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(token -> !token.isEmpty())
                .toList();
        if (tokens.isEmpty()) {
            tokens = List.of(defaultValue);
        }
        boolean all = false;
        Set<String> included = new LinkedHashSet<>();
        Set<String> excluded = new LinkedHashSet<>();
        for (String token : tokens) {
            if (token.equals("*all") || token.equals("*navigable")) {
                all = true;
            } else if (token.startsWith("-")) {
                excluded.add(token.substring(1));
            } else {
                included.add(token);
            }
        }
        return new FieldProjection(all, included, excluded);
    }

    /** True when only identifiers were asked for; Jira then allows its largest pages and returns bare ids. */
    boolean identifiersOnly() {
        return !all && IDENTIFIERS.containsAll(included);
    }

    /** True for the default of the enhanced search, where Jira returns nothing but each issue's id. */
    boolean idOnly() {
        return !all && Set.of("id").containsAll(included);
    }

    ObjectNode apply(ObjectNode fields) {
        ObjectNode projected = fields.objectNode();
        fields.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            if ((all || included.contains(name)) && !excluded.contains(name)) {
                projected.set(name, entry.getValue().deepCopy());
            }
        });
        return projected;
    }
}
