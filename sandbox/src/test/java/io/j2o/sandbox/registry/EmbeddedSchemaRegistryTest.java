package io.j2o.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.registry.SchemaRegistryException;
import io.j2o.schemas.serde.AvroSerde;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbeddedSchemaRegistryTest {

    private static final String SUBJECT = "j2o.test-value";
    private static final Schema V1 = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
            .requiredString("name").endRecord();
    /** V1 plus a field with a default: backward and forward compatible. */
    private static final Schema V2 = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
    /** V1 plus a field without default: a new reader cannot read old data, so not backward compatible. */
    private static final Schema V2_BREAKING = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
            .requiredString("name").requiredInt("size").endRecord();

    private final InMemorySchemaStore store = new InMemorySchemaStore();
    private EmbeddedSchemaRegistry registry;
    private RestSchemaRegistryClient client;
    private RegistryHttp http;

    @BeforeEach
    void start() {
        registry = new EmbeddedSchemaRegistry(store).start();
        client = RestSchemaRegistryClient.forUrl(registry.baseUrl());
        http = new RegistryHttp(registry.baseUrl());
    }

    @AfterEach
    void stop() {
        client.close();
        registry.close();
    }

    @Test
    void bindsToLoopbackOnAFreePort() {
        assertThat(registry.baseUrl()).matches("http://127\\.0\\.0\\.1:[1-9][0-9]*");
    }

    @Test
    void sameSchemaGetsSameIdUnderAnySubjectAndNewSchemaGetsNewId() {
        int first = client.register(SUBJECT, V1);
        RestSchemaRegistryClient uncached = RestSchemaRegistryClient.forUrl(registry.baseUrl());

        assertThat(uncached.register(SUBJECT, V1)).isEqualTo(first);
        assertThat(uncached.register("other-value", V1)).isEqualTo(first);
        assertThat(uncached.register(SUBJECT, V2)).isNotEqualTo(first);
        assertThat(http.get("/subjects/" + SUBJECT + "/versions").body()).hasToString("[1,2]");
    }

    @Test
    void registrationAcceptsExplicitAvroSchemaTypeAndAnswersInRegistryMediaType() {
        RegistryHttp.Answer answer = http.send("POST", "/subjects/" + SUBJECT + "/versions",
                "{\"schemaType\":\"AVRO\",\"schema\":" + quoted(V1) + "}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo(EmbeddedSchemaRegistry.CONTENT_TYPE);
        assertThat(answer.body().fieldNames()).toIterable().containsExactly("id");
    }

    @Test
    void otherSchemaTypesAndUnparseableSchemasAreRefusedAsInvalid() {
        RegistryHttp.Answer protobuf = http.send("POST", "/subjects/" + SUBJECT + "/versions",
                "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");
        RegistryHttp.Answer garbage = http.send("POST", "/subjects/" + SUBJECT + "/versions",
                RegistryHttp.schemaBody("{\"type\":\"record\",\"name\":\"X\"}"));

        assertThat(protobuf.status()).isEqualTo(422);
        assertThat(protobuf.errorCode()).isEqualTo(42201);
        assertThat(garbage.status()).isEqualTo(422);
        assertThat(garbage.errorCode()).isEqualTo(42201);
        assertThat(garbage.body().path("message").asText()).startsWith("Invalid schema");
    }

    @Test
    void backwardIncompatibleSchemaIsRefusedWith409() {
        client.register(SUBJECT, V1);

        RegistryHttp.Answer answer = http.send("POST", "/subjects/" + SUBJECT + "/versions",
                RegistryHttp.schemaBody(V2_BREAKING.toString()));

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.errorCode()).isEqualTo(409);
        assertThat(answer.body().path("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \""
                        + SUBJECT + "\"")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThatThrownBy(() -> client.register(SUBJECT, V2_BREAKING))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
        assertThat(http.get("/subjects/" + SUBJECT + "/versions").body()).hasToString("[1]");
    }

    @Test
    void lookupAnswersSubjectIdVersionAndSchema() {
        client.register(SUBJECT, V1);
        int id = client.register(SUBJECT, V2);

        RegistryHttp.Answer answer = http.send("POST", "/subjects/" + SUBJECT, RegistryHttp.schemaBody(V2.toString()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("subject").asText()).isEqualTo(SUBJECT);
        assertThat(answer.body().path("id").asInt()).isEqualTo(id);
        assertThat(answer.body().path("version").asInt()).isEqualTo(2);
        assertThat(new Schema.Parser().parse(answer.body().path("schema").asText())).isEqualTo(V2);
        assertThat(RestSchemaRegistryClient.forUrl(registry.baseUrl()).lookup(SUBJECT, V2)).isEqualTo(id);
    }

    @Test
    void lookupDistinguishesUnknownSubjectFromUnknownSchema() {
        client.register(SUBJECT, V1);

        assertThatThrownBy(() -> client.lookup(SUBJECT, V2))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> client.lookup("nobody-value", V1))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND);
                    assertThat(e.getMessage()).contains("Subject 'nobody-value' not found.");
                });
    }

    @Test
    void subjectsAndVersionsAreListedAndReadable() {
        client.register(SUBJECT, V1);
        int id2 = client.register(SUBJECT, V2);
        client.register("a-value", V1);

        assertThat(http.get("/subjects").body()).hasToString("[\"a-value\",\"j2o.test-value\"]");
        RegistryHttp.Answer latest = http.get("/subjects/" + SUBJECT + "/versions/latest");
        assertThat(latest.body().path("version").asInt()).isEqualTo(2);
        assertThat(latest.body().path("id").asInt()).isEqualTo(id2);
        assertThat(http.get("/subjects/" + SUBJECT + "/versions/1").body().path("version").asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/" + SUBJECT + "/versions/9").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/" + SUBJECT + "/versions/first").errorCode()).isEqualTo(42202);
        assertThat(http.get("/subjects/nobody/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void schemaByIdAnswersSchemaTextAndUnknownIdIs40403() {
        int id = client.register(SUBJECT, V1);

        assertThat(RestSchemaRegistryClient.forUrl(registry.baseUrl()).schemaById(id)).isEqualTo(V1);
        RegistryHttp.Answer missing = http.get("/schemas/ids/999");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo(40403);
    }

    @Test
    void compatibilityCheckJudgesWithoutRegistering() {
        client.register(SUBJECT, V1);

        assertThat(client.isCompatible(SUBJECT, V2)).isTrue();
        assertThat(client.isCompatible(SUBJECT, V2_BREAKING)).isFalse();
        assertThat(client.isCompatible("new-subject-value", V2_BREAKING)).isTrue();
        RegistryHttp.Answer verbose = http.send("POST",
                "/compatibility/subjects/" + SUBJECT + "/versions/1?verbose=true",
                RegistryHttp.schemaBody(V2_BREAKING.toString()));
        assertThat(verbose.body().path("is_compatible").asBoolean(true)).isFalse();
        assertThat(verbose.body().path("messages").get(0).asText()).contains("size");
        assertThat(http.get("/subjects/" + SUBJECT + "/versions").body()).hasToString("[1]");
    }

    @Test
    void noneAllowsAnythingAndForwardRefusesWhatOldReadersCannotRead() {
        Schema renamed = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
                .requiredString("title").endRecord();
        client.setCompatibility(SUBJECT, "NONE");
        client.register(SUBJECT, V1);
        client.register(SUBJECT, renamed);

        client.setCompatibility(SUBJECT, "FORWARD");
        // An old reader expecting "title" cannot read data without it, default or not on the writer's side.
        assertThatThrownBy(() -> client.register(SUBJECT, V2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isIncompatible()).isTrue());
    }

    @Test
    void transitiveLevelsCheckEveryEarlierVersion() {
        Schema withoutName = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
                .name("size").type().intType().intDefault(0).endRecord();
        // Reads V2-without-name data (default fills "name") but not V1 data, whose "name" is a string.
        Schema nameAsInt = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
                .name("name").type().intType().intDefault(0).name("size").type().intType().intDefault(0).endRecord();
        client.register(SUBJECT, V1);
        client.register(SUBJECT, withoutName);

        client.setCompatibility(SUBJECT, "BACKWARD_TRANSITIVE");
        assertThat(client.isCompatible(SUBJECT, nameAsInt)).isFalse();
        client.setCompatibility(SUBJECT, "BACKWARD");
        assertThat(client.isCompatible(SUBJECT, nameAsInt)).isTrue();
    }

    @Test
    void subjectLevelOverridesGlobalDefaultOfBackward() {
        assertThat(http.get("/config").body()).hasToString("{\"compatibilityLevel\":\"BACKWARD\"}");
        assertThat(client.compatibility(SUBJECT)).isEqualTo("BACKWARD");

        client.setCompatibility(SUBJECT, "FULL");

        assertThat(client.compatibility(SUBJECT)).isEqualTo("FULL");
        assertThat(http.get("/config/" + SUBJECT).body()).hasToString("{\"compatibilityLevel\":\"FULL\"}");
        assertThat(client.compatibility("other-value")).isEqualTo("BACKWARD");
        RegistryHttp.Answer unset = http.get("/config/other-value");
        assertThat(unset.status()).isEqualTo(404);
        assertThat(unset.errorCode()).isEqualTo(40408);
    }

    @Test
    void putConfigEchoesCompatibilityAndRefusesUnknownLevels() {
        RegistryHttp.Answer global = http.send("PUT", "/config", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
        RegistryHttp.Answer bad = http.send("PUT", "/config/" + SUBJECT, "{\"compatibility\":\"SIDEWAYS\"}");

        assertThat(global.status()).isEqualTo(200);
        assertThat(global.body()).hasToString("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(http.get("/config").body().path("compatibilityLevel").asText()).isEqualTo("FULL_TRANSITIVE");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.errorCode()).isEqualTo(42203);
    }

    @Test
    void deletedSubjectDisappearsAndReRegistrationKeepsIdWithNextVersion() {
        int id = client.register(SUBJECT, V1);

        RegistryHttp.Answer deleted = http.send("DELETE", "/subjects/" + SUBJECT, null);

        assertThat(deleted.body()).hasToString("[1]");
        assertThat(http.get("/subjects").body()).hasToString("[]");
        assertThat(http.get("/subjects/" + SUBJECT + "/versions").errorCode()).isEqualTo(40401);
        assertThat(RestSchemaRegistryClient.forUrl(registry.baseUrl()).register(SUBJECT, V1)).isEqualTo(id);
        assertThat(http.get("/subjects/" + SUBJECT + "/versions").body()).hasToString("[2]");
    }

    @Test
    void newInstanceOverTheSameStoreAnswersTheSameIdsAndLevels() {
        int id1 = client.register(SUBJECT, V1);
        int id2 = client.register(SUBJECT, V2);
        client.setCompatibility(SUBJECT, "FULL");
        registry.close();

        try (EmbeddedSchemaRegistry restarted = new EmbeddedSchemaRegistry(store).start();
                RestSchemaRegistryClient fresh = RestSchemaRegistryClient.forUrl(restarted.baseUrl())) {
            assertThat(fresh.lookup(SUBJECT, V1)).isEqualTo(id1);
            assertThat(fresh.schemaById(id2)).isEqualTo(V2);
            assertThat(fresh.compatibility(SUBJECT)).isEqualTo("FULL");
            assertThat(fresh.register("another-value", V2_BREAKING)).isGreaterThan(id2);
        }
    }

    @Test
    void avroSerdeRoundTripsThroughTheRegistry() {
        Mapping mapping = Mapping.newBuilder().setKind("WORK_PACKAGE").setJiraId("10001").setJiraKey("DEMO-1")
                .setOpenProjectId(42L).setHref("/api/v3/work_packages/42").setLockVersion(0)
                .setAppliedChecksum("abc").setCommandId("cmd-1").setUpdatedAt(Instant.ofEpochMilli(1_700_000_000_000L))
                .build();
        AvroSerde<Mapping> serde = AvroSerde.forClass(client, Mapping.class);

        byte[] bytes = serde.serializer().serialize("j2o.op.mappings", mapping);

        assertThat(serde.deserializer().deserialize("j2o.op.mappings", bytes)).isEqualTo(mapping);
        assertThat(http.get("/subjects").body()).hasToString("[\"j2o.op.mappings-value\"]");
    }

    private static String quoted(Schema schema) {
        return TextNode.valueOf(schema.toString()).toString();
    }
}
