package io.j2o.schemas.topics;

import io.j2o.schemas.avro.JiraEntityType;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The replay epochs of a deployment (topic {@link Topics#replayEpochs()}): a forced replay bumps the epoch of an
 * entity kind, or of one kind within one project, and the transformer folds the epoch that applies to an event into
 * its checksum, so exactly the selected entities look changed and re-emit their commands.
 */
public record ReplayEpochs(Map<String, Integer> byScope) {

    public ReplayEpochs {
        byScope = Map.copyOf(byScope);
    }

    public static ReplayEpochs none() {
        return new ReplayEpochs(Map.of());
    }

    /** Everything recorded on the epochs topic; the latest value of each scope wins, as compaction keeps it. */
    public static ReplayEpochs read(Consumer<String, String> consumer, String topic) {
        Map<String, Integer> epochs = new TreeMap<>();
        CompactedTopicReader.readToEnd(consumer, topic, (scope, value) -> {
            if (value == null) {
                epochs.remove(scope);
            } else {
                epochs.put(scope, Integer.parseInt(value.strip()));
            }
        });
        return new ReplayEpochs(epochs);
    }

    /** The scope of a whole entity kind ({@code issue}) or of that kind within one project ({@code issue:PROJ}). */
    public static String scope(JiraEntityType type, String projectKey) {
        String kind = type.name().toLowerCase(Locale.ROOT);
        return projectKey == null ? kind : kind + ":" + projectKey.toUpperCase(Locale.ROOT);
    }

    /**
     * The epoch an event of {@code type} in {@code projectKey} (may be null) is transformed under: the sum of its
     * kind's epoch and its project's, so bumping either changes it and neither bump can cancel the other.
     */
    public int epochOf(JiraEntityType type, String projectKey) {
        int kind = byScope.getOrDefault(scope(type, null), 0);
        return projectKey == null ? kind : kind + byScope.getOrDefault(scope(type, projectKey), 0);
    }

    /** The epochs after bumping each of {@code scopes} by one. */
    public ReplayEpochs bumped(Collection<String> scopes) {
        Map<String, Integer> next = new TreeMap<>(byScope);
        scopes.forEach(scope -> next.merge(scope, 1, Integer::sum));
        return new ReplayEpochs(next);
    }
}
