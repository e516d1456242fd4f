package io.j2o.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.registry.SchemaRegistryConfig;
import io.j2o.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private static final String TOPIC = "j2o.op.mappings";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@link #mapping()} in Avro binary, written out by hand from the Avro spec, not by Avro's encoder. */
    private static final byte[] MAPPING_AVRO = {
        0x04, 'W', 'P',            // kind: string, zig-zag length 2
        0x04, '1', '0',            // jiraId
        0x00,                      // jiraKey: union branch 0 (null)
        0x0a,                      // openProjectId: long 5, zig-zag 10
        0x04, '/', 'a',            // href
        0x02, 0x06,                // lockVersion: union branch 1 (int), int 3
        0x02, 'c',                 // appliedChecksum
        0x02, 'x',                 // commandId
        (byte) 0xd0, 0x0f,         // updatedAt: timestamp-millis 1000, zig-zag 2000 as varint
        0x00,                      // sourceTopic: union branch 0 (null)
        0x00,                      // sourceOffset: union branch 0 (null)
        0x00                       // fieldChecksums: union branch 0 (null)
    };

    /** Mapping as first published: no jiraKey, no lockVersion (both added later with defaults). */
    private static final Schema MAPPING_V1 = new Schema.Parser().parse("""
            {"type":"record","name":"Mapping","namespace":"io.j2o.schemas.avro","fields":[
              {"name":"kind","type":"string"},
              {"name":"jiraId","type":"string"},
              {"name":"openProjectId","type":"long"},
              {"name":"href","type":"string"},
              {"name":"appliedChecksum","type":"string"},
              {"name":"commandId","type":"string"},
              {"name":"updatedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}
            """);

    private final MockWebServer server = new MockWebServer();
    private RestSchemaRegistryClient registry;

    @BeforeEach
    void start() throws Exception {
        server.start();
        registry = new RestSchemaRegistryClient(SchemaRegistryConfig.of(server.url("/").toString())
                .withRetries(1, Duration.ZERO));
    }

    @AfterEach
    void stop() {
        registry.close();
        server.close();
    }

    private static Mapping mapping() {
        return Mapping.newBuilder()
                .setKind("WP").setJiraId("10").setJiraKey(null).setOpenProjectId(5L).setHref("/a")
                .setLockVersion(3).setAppliedChecksum("c").setCommandId("x")
                .setUpdatedAt(Instant.ofEpochMilli(1000))
                .build();
    }

    private static MockResponse answer(String json) {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", RestSchemaRegistryClient.CONTENT_TYPE).body(json).build();
    }

    private static MockResponse schemaAnswer(Schema schema) throws Exception {
        return answer("{\"schema\":" + JSON.writeValueAsString(schema.toString()) + "}");
    }

    private static byte[] concat(byte[] head, byte[] tail) {
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void serializedRecordIsMagicByteThenBigEndianIdThenAvroBinary() throws Exception {
        server.enqueue(answer("{\"id\":16909060}")); // 0x01020304: every id byte distinct

        byte[] bytes = new AvroSerializer<>(registry, Mapping.class).serialize(TOPIC, mapping());

        assertThat(bytes).isEqualTo(concat(new byte[] {0x00, 0x01, 0x02, 0x03, 0x04}, MAPPING_AVRO));
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/subjects/j2o.op.mappings-value/versions");
        assertThat(new Schema.Parser().parse(JSON.readTree(request.getBody().utf8()).get("schema").asText()))
                .isEqualTo(Mapping.getClassSchema());
    }

    @Test
    void secondSerializationMakesNoRegistryCall() {
        server.enqueue(answer("{\"id\":3}"));
        AvroSerializer<Mapping> serializer = new AvroSerializer<>(registry, Mapping.class);

        byte[] first = serializer.serialize(TOPIC, mapping());
        byte[] second = serializer.serialize(TOPIC, mapping());

        assertThat(second).isEqualTo(first);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void keySerdeRegistersUnderKeySubject() throws Exception {
        server.enqueue(answer("{\"id\":3}"));

        AvroSerde.forClass(registry, Mapping.class, AvroSerdeConfig.KEY).serializer().serialize(TOPIC, mapping());

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/subjects/j2o.op.mappings-key/versions");
    }

    @Test
    void kafkaConfigureSelectsKeySubjectAndLookupOnly() throws Exception {
        server.enqueue(answer("{\"subject\":\"j2o.op.mappings-key\",\"id\":3,\"version\":1,\"schema\":\"\"}"));
        AvroSerializer<Mapping> serializer = new AvroSerializer<>(registry, Mapping.class);
        serializer.configure(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), true);

        serializer.serialize(TOPIC, mapping());

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/subjects/j2o.op.mappings-key");
    }

    @Test
    void serializerWithoutAutoRegisterFailsWhenSchemaIsNotRegistered() {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error_code\":40403,\"message\":\"Schema not found\"}").build());
        AvroSerializer<Mapping> serializer =
                new AvroSerializer<>(registry, Mapping.class, AvroSerdeConfig.VALUE.withAutoRegister(false));

        assertThatThrownBy(() -> serializer.serialize(TOPIC, mapping()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("look up schema io.j2o.schemas.avro.Mapping under subject j2o.op.mappings-value")
                .hasCauseInstanceOf(SchemaRegistryException.class);
    }

    @Test
    void roundTripReturnsEqualRecord() throws Exception {
        server.enqueue(answer("{\"id\":21}"));
        server.enqueue(schemaAnswer(Mapping.getClassSchema()));
        AvroSerde<Mapping> serde = AvroSerde.forClass(registry, Mapping.class);

        byte[] bytes = serde.serializer().serialize(TOPIC, mapping());

        assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(mapping());
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getMethod()).isEqualTo("POST");
        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/schemas/ids/21");
    }

    @Test
    void roundTripReadsNestedRecordsAndEnumsOfGeneratedClass() throws Exception {
        JiraEntityEvent event = JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId("10001").setJiraKey("DEMO-1").setProjectKey("DEMO")
                .setChange(ChangeType.UPSERT)
                .setJiraUpdatedAt(Instant.ofEpochMilli(5)).setExtractedAt(Instant.ofEpochMilli(6))
                .setSource(JiraSource.newBuilder().setSite("https://x.atlassian.net").setFlavour(JiraFlavour.CLOUD)
                        .setApiVersion("3").build())
                .setPayload("{\"id\":\"10001\"}")
                .build();
        server.enqueue(answer("{\"id\":22}"));
        server.enqueue(schemaAnswer(JiraEntityEvent.getClassSchema()));
        AvroSerde<JiraEntityEvent> serde = AvroSerde.forClass(registry, JiraEntityEvent.class);

        byte[] bytes = serde.serializer().serialize("j2o.jira.issues", event);

        assertThat(serde.deserializer().deserialize("j2o.jira.issues", bytes)).isEqualTo(event);
    }

    @Test
    void recordWrittenWithOlderSchemaReadsIntoNewerClassWithDefaults() throws Exception {
        GenericRecord old = new GenericData.Record(MAPPING_V1);
        old.put("kind", "WP");
        old.put("jiraId", "10");
        old.put("openProjectId", 5L);
        old.put("href", "/a");
        old.put("appliedChecksum", "c");
        old.put("commandId", "x");
        old.put("updatedAt", 1000L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {0, 0, 0, 0, 9});
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(MAPPING_V1).write(old, encoder);
        encoder.flush();
        server.enqueue(schemaAnswer(MAPPING_V1));
        AvroDeserializer<Mapping> deserializer = new AvroDeserializer<>(registry, Mapping.class);

        Mapping read = deserializer.deserialize(TOPIC, out.toByteArray());
        deserializer.deserialize(TOPIC, out.toByteArray());

        Mapping expected = mapping();
        expected.setLockVersion(null);
        assertThat(read).isEqualTo(expected);
        assertThat(read.getFieldChecksums()).as("no field checksums in a mapping written before they existed").isNull();
        assertThat(server.getRequestCount()).as("writer schema fetched once").isEqualTo(1);
    }

    @Test
    void nullIsATombstoneBothWays() {
        AvroSerde<Mapping> serde = AvroSerde.forClass(registry, Mapping.class);

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unknownMagicByteIsRefusedNamingTheByte() {
        byte[] bytes = concat(new byte[] {0x01, 0, 0, 0, 1}, MAPPING_AVRO);

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, Mapping.class).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown magic byte 0x01")
                .hasMessageContaining(TOPIC);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void inputShorterThanHeaderIsRefusedAsTooShort() {
        assertThatThrownBy(() -> new AvroDeserializer<>(registry, Mapping.class)
                .deserialize(TOPIC, new byte[] {0, 0, 0}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("too short")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void truncatedAvroBodyIsRefusedAsTruncated() throws Exception {
        server.enqueue(schemaAnswer(Mapping.getClassSchema()));
        byte[] whole = concat(new byte[] {0, 0, 0, 0, 2}, MAPPING_AVRO);
        byte[] truncated = Arrays.copyOf(whole, whole.length - 3);

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, Mapping.class).deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 2")
                .hasMessageContaining("truncated or corrupt");
    }

    @Test
    void unknownWriterSchemaIdIsReportedWithTheId() {
        server.enqueue(new MockResponse.Builder().code(404)
                .body("{\"error_code\":40403,\"message\":\"Schema 77 not found\"}").build());
        byte[] bytes = concat(new byte[] {0, 0, 0, 0, 77}, MAPPING_AVRO);

        assertThatThrownBy(() -> new AvroDeserializer<>(registry, Mapping.class).deserialize(TOPIC, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 77")
                .hasCauseInstanceOf(SchemaRegistryException.class);
    }
}
