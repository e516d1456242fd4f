package io.j2o.schemas.serde;

import io.j2o.schemas.registry.SchemaRegistryClient;
import io.j2o.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent-wire-format Avro into a generated record, resolving the writer's schema (fetched by id) to the
 * reader's, so records written with an older compatible schema still read.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final SchemaRegistryClient registry;
    private final SpecificData model;
    private final Schema readerSchema;
    private final Map<Integer, SpecificDatumReader<T>> readersByWriterId = new ConcurrentHashMap<>();

    public AvroDeserializer(SchemaRegistryClient registry, Class<T> type) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
        AvroClassTrust.trust(readerSchema);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // The writer's schema id travels in every record; nothing about the subject matters when reading.
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null; // a tombstone
        }
        if (data.length < WireFormat.HEADER_LENGTH) {
            throw new SerializationException("Record on topic " + topic + " is too short for the Confluent wire "
                    + "format: " + data.length + " bytes, need at least " + WireFormat.HEADER_LENGTH
                    + " (magic byte and 4-byte schema id)");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Record on topic %s has unknown magic byte 0x%02x; expected 0x00 (Confluent wire format)",
                    topic, data[0]));
        }
        int writerId = ByteBuffer.wrap(data, 1, Integer.BYTES).getInt();
        SpecificDatumReader<T> reader = readerFor(writerId, topic);
        BinaryDecoder decoder = DecoderFactory.get()
                .binaryDecoder(data, WireFormat.HEADER_LENGTH, data.length - WireFormat.HEADER_LENGTH, null);
        try {
            T record = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("Record on topic " + topic + " with schema id " + writerId
                        + " has bytes left after the Avro body: not written with that schema");
            }
            return record;
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            // A truncated body surfaces as EOFException; a corrupt one as AvroRuntimeException or a bad index.
            throw new SerializationException("Cannot read Avro body of record on topic " + topic + " with schema id "
                    + writerId + " as " + readerSchema.getFullName() + " (truncated or corrupt): " + e, e);
        }
    }

    private SpecificDatumReader<T> readerFor(int writerId, String topic) {
        SpecificDatumReader<T> reader = readersByWriterId.get(writerId);
        if (reader != null) {
            return reader;
        }
        Schema writerSchema;
        try {
            writerSchema = registry.schemaById(writerId);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot fetch writer schema id " + writerId + " for record on topic "
                    + topic + ": " + e.getMessage(), e);
        }
        reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        readersByWriterId.putIfAbsent(writerId, reader);
        return reader;
    }
}
