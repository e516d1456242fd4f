package io.j2o.transformer.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the OpenProject entry for a Jira name: the operator's override first, then the same name, then a known
 * equivalent (Jira "Story" is OpenProject "User story"), then OpenProject's default entry.
 */
final class NameMatcher {

    private final List<CatalogEntry> entries;
    private final Map<String, String> overrides;
    private final Map<String, String> equivalents;

    NameMatcher(List<CatalogEntry> entries, Map<String, String> overrides, Map<String, String> equivalents) {
        this.entries = entries;
        this.overrides = lowerKeys(overrides);
        this.equivalents = lowerKeys(equivalents);
    }

    /** How a Jira name found its OpenProject entry; {@link #DEFAULT} means nothing matched it. */
    enum How {
        OVERRIDE, SAME_NAME, EQUIVALENT, HINT, DEFAULT
    }

    /** The entry a Jira name maps to, and why. */
    record Match(CatalogEntry entry, How how) {
    }

    /** @param hints further names to try before the default, in order (e.g. the Jira status category) */
    String hrefFor(String jiraName, String... hints) {
        return match(jiraName, hints).entry().href();
    }

    Match match(String jiraName, String... hints) {
        String lower = jiraName == null ? "" : jiraName.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(overrides.get(lower)).flatMap(this::byName).map(e -> new Match(e, How.OVERRIDE))
                .or(() -> byName(jiraName).map(e -> new Match(e, How.SAME_NAME)))
                .or(() -> Optional.ofNullable(equivalents.get(lower)).flatMap(this::byName).map(e -> new Match(e, How.EQUIVALENT)))
                .or(() -> firstHint(hints).map(e -> new Match(e, How.HINT)))
                .orElseGet(() -> new Match(fallback(), How.DEFAULT));
    }

    /** The override targets that name no OpenProject entry: such an override is a configuration mistake. */
    List<String> unknownOverrideTargets() {
        return overrides.entrySet().stream()
                .filter(override -> byName(override.getValue()).isEmpty())
                .map(override -> override.getKey() + " -> " + override.getValue())
                .sorted()
                .toList();
    }

    /** Every OpenProject name this matcher can map to. */
    List<String> names() {
        return entries.stream().map(CatalogEntry::name).toList();
    }

    private Optional<CatalogEntry> firstHint(String... hints) {
        for (String hint : hints) {
            Optional<CatalogEntry> found = Optional.ofNullable(hint)
                    .map(h -> equivalents.getOrDefault(h.toLowerCase(Locale.ROOT), h))
                    .flatMap(this::byName);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<CatalogEntry> byName(String name) {
        return entries.stream().filter(e -> e.name().equalsIgnoreCase(name)).findFirst();
    }

    private CatalogEntry fallback() {
        return entries.stream().filter(CatalogEntry::isDefault).findFirst().orElse(entries.get(0));
    }

    private static Map<String, String> lowerKeys(Map<String, String> map) {
        Map<String, String> lowered = new HashMap<>();
        map.forEach((k, v) -> lowered.put(k.toLowerCase(Locale.ROOT), v));
        return Map.copyOf(lowered);
    }
}
