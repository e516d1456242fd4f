package io.j2o.schemas.serde;

import io.j2o.schemas.registry.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The Kafka {@link Serde} of one generated Avro record class in the Confluent wire format.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    public AvroSerde(SchemaRegistryClient registry, Class<T> type, AvroSerdeConfig config) {
        this.serializer = new AvroSerializer<>(registry, type, config);
        this.deserializer = new AvroDeserializer<>(registry, type);
    }

    /** A value serde for {@code type} that registers its schema under {@code <topic>-value} on first use. */
    public static <T extends SpecificRecord> AvroSerde<T> forClass(SchemaRegistryClient registry, Class<T> type) {
        return new AvroSerde<>(registry, type, AvroSerdeConfig.VALUE);
    }

    /** A serde for {@code type} as {@code config} says (key or value, registering or looking up). */
    public static <T extends SpecificRecord> AvroSerde<T> forClass(
            SchemaRegistryClient registry, Class<T> type, AvroSerdeConfig config) {
        return new AvroSerde<>(registry, type, config);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }
}
