package io.j2o.transformer;

import io.j2o.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the transformer needs, validated at construction.
 *
 * @param applicationId   the Kafka Streams application id (consumer group, internal topic prefix)
 * @param stateDir        where the RocksDB stores live
 * @param kafkaProperties passed to Kafka Streams unchanged (TLS, SASL, tuning)
 */
public record TransformerConfig(
        String bootstrapServers,
        String applicationId,
        Topics topics,
        Path stateDir,
        int streamThreads,
        Map<String, Object> kafkaProperties) {

    public TransformerConfig {
        kafkaProperties = Map.copyOf(kafkaProperties);
        Objects.requireNonNull(topics, "topics");
        List<String> problems = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("kafka.bootstrapServers: must be set");
        }
        if (applicationId == null || !applicationId.matches("[A-Za-z0-9._-]+")) {
            problems.add("transformer.applicationId: letters, digits, '.', '_' and '-' only, was " + applicationId);
        }
        if (stateDir == null) {
            problems.add("transformer.stateDir: must be set");
        }
        if (streamThreads < 1 || streamThreads > 64) {
            problems.add("transformer.streamThreads: must be 1..64, was " + streamThreads);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Kafka properties can hold credentials (a SASL JAAS line): only their names are shown. */
    @Override
    public String toString() {
        return "TransformerConfig[bootstrapServers=" + bootstrapServers + ", applicationId=" + applicationId
                + ", topics=" + topics + ", stateDir=" + stateDir + ", streamThreads=" + streamThreads
                + ", kafkaProperties=" + kafkaProperties.keySet() + "]";
    }
}
