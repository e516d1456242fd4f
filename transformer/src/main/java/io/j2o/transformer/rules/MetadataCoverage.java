package io.j2o.transformer.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the mapping configuration covers a Jira site's metadata that OpenProject cannot create through its API (types,
 * statuses, priorities), decided by the same matchers the rules use: what {@code j2o validate --pre} reports before a
 * run, so that nothing falls back to OpenProject's default unnoticed.
 */
public final class MetadataCoverage {

    /** The vocabularies a Jira name is matched in, with the key of their section under {@code mapping}. */
    public enum Vocabulary {
        TYPE("type"), STATUS("status"), PRIORITY("priority");

        private final String configKey;

        Vocabulary(String configKey) {
            this.configKey = configKey;
        }

        public String configKey() {
            return configKey;
        }
    }

    /**
     * One Jira name's fate.
     *
     * @param how        {@code OVERRIDE}, {@code SAME_NAME}, {@code EQUIVALENT} (a known synonym), {@code HINT} (by
     *                   the Jira status category) or {@code DEFAULT} (unmapped: OpenProject's default is used)
     * @param suggestion for a name matched only by its category or not at all, the OpenProject name that resembles
     *                   it most, if any does
     */
    public record Verdict(Vocabulary vocabulary, String jiraName, String openProjectName, String how,
                          Optional<String> suggestion) {

        public boolean unmapped() {
            return how.equals(NameMatcher.How.DEFAULT.name());
        }

        /** Matched by nothing but its Jira status category: plausible, yet worth an explicit entry. */
        public boolean byCategoryOnly() {
            return how.equals(NameMatcher.How.HINT.name());
        }
    }

    private final Map<Vocabulary, NameMatcher> matchers;

    public MetadataCoverage(OpenProjectCatalog catalog) {
        this.matchers = Map.of(
                Vocabulary.TYPE, new NameMatcher(catalog.types(), overrides(catalog, Vocabulary.TYPE), Vocabularies.TYPES),
                Vocabulary.STATUS, new NameMatcher(catalog.statuses(), overrides(catalog, Vocabulary.STATUS), Vocabularies.STATUSES),
                Vocabulary.PRIORITY, new NameMatcher(catalog.priorities(), overrides(catalog, Vocabulary.PRIORITY),
                        Vocabularies.PRIORITIES));
    }

    /** @param hints what else the rules try before the default (a status's category key) */
    public Verdict verdict(Vocabulary vocabulary, String jiraName, String... hints) {
        NameMatcher matcher = matchers.get(vocabulary);
        NameMatcher.Match match = matcher.match(jiraName, hints);
        Optional<String> suggestion = match.how() == NameMatcher.How.DEFAULT || match.how() == NameMatcher.How.HINT
                ? closest(jiraName, matcher.names()) : Optional.empty();
        return new Verdict(vocabulary, jiraName, match.entry().name(), match.how().name(), suggestion);
    }

    /** Overrides whose OpenProject name does not exist there, as {@code type: jira name -> missing name}. */
    public List<String> brokenOverrides() {
        List<String> broken = new ArrayList<>();
        for (Vocabulary vocabulary : Vocabulary.values()) {
            matchers.get(vocabulary).unknownOverrideTargets()
                    .forEach(override -> broken.add(vocabulary.configKey() + ": " + override));
        }
        return broken;
    }

    private static Map<String, String> overrides(OpenProjectCatalog catalog, Vocabulary vocabulary) {
        return catalog.overrides().getOrDefault(vocabulary.configKey(), Map.of());
    }

    /** The name sharing the most words with the Jira name (ties: the shorter name); none when no word is shared. */
    static Optional<String> closest(String jiraName, List<String> names) {
        Set<String> words = words(jiraName);
        return names.stream()
                .filter(name -> words(name).stream().anyMatch(words::contains))
                .max(Comparator.<String>comparingLong(name -> words(name).stream().filter(words::contains).count())
                        .thenComparing(Comparator.comparingInt(String::length).reversed()));
    }

    private static Set<String> words(String text) {
        return text == null ? Set.of() : Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(word -> !word.isBlank())
                .collect(Collectors.toSet());
    }
}
