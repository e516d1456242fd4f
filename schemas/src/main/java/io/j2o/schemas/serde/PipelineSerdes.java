package io.j2o.schemas.serde;

import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JournalEntry;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.registry.SchemaRegistryClient;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of every pipeline topic, all speaking the Confluent wire format through one registry. */
public record PipelineSerdes(
        Serde<JiraEntityEvent> events,
        Serde<OpenProjectCommand> commands,
        Serde<Mapping> mappings,
        Serde<DeadLetter> deadLetters,
        Serde<JournalEntry> journal) {

    public static PipelineSerdes using(SchemaRegistryClient registry) {
        return new PipelineSerdes(
                AvroSerde.forClass(registry, JiraEntityEvent.class),
                AvroSerde.forClass(registry, OpenProjectCommand.class),
                AvroSerde.forClass(registry, Mapping.class),
                AvroSerde.forClass(registry, DeadLetter.class),
                AvroSerde.forClass(registry, JournalEntry.class));
    }
}
