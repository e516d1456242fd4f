package io.j2o.cli.pipeline;

import io.j2o.extractor.ExtractorConfig;
import io.j2o.loader.LoaderConfig;
import io.j2o.schemas.registry.RegistryCredentials;
import io.j2o.schemas.registry.SchemaRegistryConfig;
import io.j2o.schemas.topics.Topics;
import io.j2o.transformer.TransformerConfig;
import io.j2o.transformer.rules.MappingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of the three services of one deployment, plus what they share.
 *
 * @param mappingOverrides per vocabulary ({@code type}, {@code status}, {@code priority}): Jira name → OpenProject name
 * @param mapping          the operator's choices for users, link types and the role members get
 */
public record PipelineSettings(
        Topics topics,
        int partitions,
        short replicationFactor,
        String schemaRegistryUrl,
        Optional<RegistryCredentials> schemaRegistryCredentials,
        ExtractorConfig extractor,
        TransformerConfig transformer,
        LoaderConfig loader,
        int loaderInstances,
        Map<String, Map<String, String>> mappingOverrides,
        MappingConfig mapping) {

    public PipelineSettings {
        mappingOverrides = Map.copyOf(mappingOverrides);
        Objects.requireNonNull(mapping, "mapping");
        List<String> problems = new ArrayList<>();
        if (partitions < 1 || partitions > 1000) {
            problems.add("kafka.partitions: must be 1..1000, was " + partitions);
        }
        if (replicationFactor < 1 || replicationFactor > 16) {
            problems.add("kafka.replicationFactor: must be 1..16, was " + replicationFactor);
        }
        if (loaderInstances < 1 || loaderInstances > 64) {
            problems.add("loader.instances: must be 1..64, was " + loaderInstances);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** A single-broker deployment with an open registry and name-based mapping only, as the embedded default runs. */
    public PipelineSettings(Topics topics, int partitions, String schemaRegistryUrl, ExtractorConfig extractor,
                            TransformerConfig transformer, LoaderConfig loader, int loaderInstances) {
        this(topics, partitions, (short) 1, schemaRegistryUrl, Optional.empty(), extractor, transformer, loader,
                loaderInstances, Map.of(), MappingConfig.defaults());
    }

    /** The same settings with another extractor configuration, e.g. narrowed by command-line filters. */
    public PipelineSettings withExtractor(ExtractorConfig narrowed) {
        return new PipelineSettings(topics, partitions, replicationFactor, schemaRegistryUrl, schemaRegistryCredentials,
                narrowed, transformer, loader, loaderInstances, mappingOverrides, mapping);
    }

    /** Leaves out the Kafka client properties, which may hold credentials (a SASL JAAS line, key store passwords). */
    @Override
    public String toString() {
        return "PipelineSettings[topics=" + topics + ", partitions=" + partitions + ", replicationFactor="
                + replicationFactor + ", schemaRegistryUrl=" + schemaRegistryUrl + ", schemaRegistryCredentials="
                + schemaRegistryCredentials + ", extractor=" + extractor + ", transformer=TransformerConfig[applicationId="
                + (transformer == null ? null : transformer.applicationId() + ", stateDir=" + transformer.stateDir()
                        + ", streamThreads=" + transformer.streamThreads()) + "], loader=" + loader
                + ", loaderInstances=" + loaderInstances + ", mappingOverrides=" + mappingOverrides + ", mapping=" + mapping + "]";
    }

    public SchemaRegistryConfig schemaRegistry() {
        SchemaRegistryConfig open = SchemaRegistryConfig.of(schemaRegistryUrl);
        return schemaRegistryCredentials.map(open::withCredentials).orElse(open);
    }
}
