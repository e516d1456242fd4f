package io.j2o.schemas.topics;

import java.util.Map;

/** A topic as j2o needs it: name, partition count and the configs that give it its meaning. */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    static final long DAYS_7 = 7L * 24 * 3600 * 1000;
    static final long DAYS_30 = 30L * 24 * 3600 * 1000;
    static final long FOREVER = -1;

    public TopicSpec {
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be >= 1, was " + partitions);
        }
        configs = Map.copyOf(configs);
    }

    /** A topic that is a snapshot: the latest value per key is kept for ever. */
    static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, Map.of("cleanup.policy", "compact"));
    }

    /** A topic that is a log: records are deleted after {@code retentionMs} ({@code -1} keeps them). */
    static TopicSpec retained(String name, int partitions, long retentionMs) {
        return new TopicSpec(name, partitions, Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retentionMs)));
    }
}
