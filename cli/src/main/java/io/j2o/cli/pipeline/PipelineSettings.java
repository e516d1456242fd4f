package io.j2o.cli.pipeline;

import io.j2o.extractor.ExtractorConfig;
import io.j2o.loader.LoaderConfig;
import io.j2o.schemas.topics.Topics;
import io.j2o.transformer.TransformerConfig;

/** The configuration of the three services of one deployment, plus what they share. */
public record PipelineSettings(
        Topics topics,
        int partitions,
        String schemaRegistryUrl,
        ExtractorConfig extractor,
        TransformerConfig transformer,
        LoaderConfig loader,
        int loaderInstances) {

    public PipelineSettings {
        if (partitions < 1 || partitions > 1000) {
            throw new IllegalArgumentException("kafka.partitions: must be 1..1000, was " + partitions);
        }
        if (loaderInstances < 1 || loaderInstances > 64) {
            throw new IllegalArgumentException("loader.instances: must be 1..64, was " + loaderInstances);
        }
    }
}
