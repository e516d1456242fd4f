package io.j2o.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String PASSWORD = "s3cret-Pa55";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = SchemaBuilder.record("Ping").namespace("io.j2o.test")
            .fields().requiredString("name").endRecord();

    private final MockWebServer server = new MockWebServer();
    private RestSchemaRegistryClient client;

    @BeforeEach
    void start() throws Exception {
        server.start();
        client = new RestSchemaRegistryClient(config());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private SchemaRegistryConfig config() {
        return SchemaRegistryConfig.of(server.url("/").toString())
                .withTimeout(Duration.ofMillis(500))
                .withRetries(3, Duration.ofMillis(1));
    }

    private static MockResponse answer(int code, String json) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", CONTENT_TYPE).body(json).build();
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request).as("request reached the registry").isNotNull();
        return request;
    }

    @Test
    void registerPostsSchemaStringToSubjectVersionsInRegistryMediaType() throws Exception {
        server.enqueue(answer(200, "{\"id\":7}"));

        assertThat(client.register("j2o.op.mappings-value", SCHEMA)).isEqualTo(7);

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/subjects/j2o.op.mappings-value/versions");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo(CONTENT_TYPE);
        assertThat(request.getHeaders().get("Accept")).isEqualTo(CONTENT_TYPE);
        assertThat(request.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(request.getBody().utf8());
        assertThat(body.size()).as("body is exactly {\"schema\": ...}").isEqualTo(1);
        assertThat(new Schema.Parser().parse(body.get("schema").asText())).isEqualTo(SCHEMA);
    }

    @Test
    void subjectIsPercentEncodedAsOnePathSegment() throws Exception {
        server.enqueue(answer(200, "{\"id\":1}"));

        client.register("a/b c", SCHEMA);

        assertThat(take().getUrl().encodedPath()).isEqualTo("/subjects/a%2Fb%20c/versions");
    }

    @Test
    void sendsBasicAuthHeaderWhenCredentialsAreConfigured() throws Exception {
        server.enqueue(answer(200, "{\"id\":7}"));
        try (RestSchemaRegistryClient secured = new RestSchemaRegistryClient(
                config().withCredentials(RegistryCredentials.fromUserInfo("svc:" + PASSWORD)))) {
            secured.register("s-value", SCHEMA);
        }

        String expected = "Basic " + Base64.getEncoder()
                .encodeToString(("svc:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(take().getHeaders().get("Authorization")).isEqualTo(expected);
    }

    @Test
    void passwordAppearsNeitherInToStringNorInErrors() {
        RegistryCredentials credentials = RegistryCredentials.fromUserInfo("svc:" + PASSWORD);
        server.enqueue(answer(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}"));
        try (RestSchemaRegistryClient secured = new RestSchemaRegistryClient(config().withCredentials(credentials))) {
            assertThat(credentials.toString()).contains("svc").doesNotContain(PASSWORD);
            assertThat(secured.toString()).contains("svc").doesNotContain(PASSWORD);
            assertThatThrownBy(() -> secured.register("s-value", SCHEMA))
                    .isInstanceOf(SchemaRegistryException.class)
                    .satisfies(e -> assertThat(e.getMessage()).contains("401").doesNotContain(PASSWORD));
        }
    }

    @Test
    void urlWithUserInfoIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> SchemaRegistryConfig.of("http://svc:" + PASSWORD + "@localhost:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("user info").doesNotContain(PASSWORD));
    }

    @Test
    void secondRegistrationOfSameSchemaIsServedFromCache() {
        server.enqueue(answer(200, "{\"id\":7}"));

        assertThat(client.register("s-value", SCHEMA)).isEqualTo(7);
        assertThat(client.register("s-value", SCHEMA)).isEqualTo(7);
        assertThat(client.lookup("s-value", SCHEMA)).isEqualTo(7);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void lookupPostsToSubjectAndReadsId() throws Exception {
        server.enqueue(answer(200,
                "{\"subject\":\"s-value\",\"id\":12,\"version\":3,\"schema\":" + JSON.writeValueAsString(SCHEMA.toString()) + "}"));

        assertThat(client.lookup("s-value", SCHEMA)).isEqualTo(12);

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/subjects/s-value");
        assertThat(JSON.readTree(request.getBody().utf8()).fieldNames()).toIterable().containsExactly("schema");
    }

    @Test
    void lookupOfAbsentSchemaThrowsTypedNotFound() {
        server.enqueue(answer(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));

        assertThatThrownBy(() -> client.lookup("s-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.isRetriable()).isFalse();
                    assertThat(e.getMessage()).contains("POST /subjects/s-value", "40403", "Schema not found");
                });
        assertThat(server.getRequestCount()).as("a 404 is not retried").isEqualTo(1);
    }

    @Test
    void incompatibleRegistrationThrowsTypedConflict() {
        server.enqueue(answer(409, "{\"error_code\":409,\"message\":\"Schema being registered is incompatible\"}"));

        assertThatThrownBy(() -> client.register("s-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isIncompatible()).isTrue();
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                });
    }

    @Test
    void invalidSchemaThrowsTypedInvalidSchema() {
        server.enqueue(answer(422, "{\"error_code\":42201,\"message\":\"Invalid schema\"}"));

        assertThatThrownBy(() -> client.register("s-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.isInvalidSchema()).isTrue();
                });
        assertThat(server.getRequestCount()).as("a 422 is not retried").isEqualTo(1);
    }

    @Test
    void errorWithoutConfluentBodyKeepsHttpStatusAsCode() {
        server.enqueue(new MockResponse.Builder().code(404).body("<html>nginx</html>").build());

        assertThatThrownBy(() -> client.schemaById(3))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(404));
    }

    @Test
    void serverErrorsAreRetriedUntilSuccess() {
        server.enqueue(answer(503, "{\"error_code\":50003,\"message\":\"forwarding failed\"}"));
        server.enqueue(answer(500, "{\"error_code\":50001,\"message\":\"store\"}"));
        server.enqueue(answer(200, "{\"id\":4}"));

        assertThat(client.register("s-value", SCHEMA)).isEqualTo(4);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void givesUpAfterMaxAttemptsWithLastServerError() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(answer(500, "{\"error_code\":50001,\"message\":\"store down\"}"));
        }

        assertThatThrownBy(() -> client.register("s-value", SCHEMA))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(50001);
                    assertThat(e.isRetriable()).isTrue();
                });
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void readTimeoutIsRetriedAsTransient() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"id\":1}")
                .headersDelay(2, TimeUnit.SECONDS).build());
        server.enqueue(answer(200, "{\"id\":9}"));

        assertThat(client.register("s-value", SCHEMA)).isEqualTo(9);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void schemaByIdParsesAndCachesSchema() throws Exception {
        server.enqueue(answer(200, "{\"schema\":" + JSON.writeValueAsString(SCHEMA.toString()) + "}"));

        assertThat(client.schemaById(5)).isEqualTo(SCHEMA);
        assertThat(client.schemaById(5)).isEqualTo(SCHEMA);

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/schemas/ids/5");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void compatibilityCheckPostsAgainstLatestAndReadsVerdict() throws Exception {
        server.enqueue(answer(200, "{\"is_compatible\":false}"));

        assertThat(client.isCompatible("s-value", SCHEMA)).isFalse();

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/compatibility/subjects/s-value/versions/latest");
        assertThat(JSON.readTree(request.getBody().utf8()).get("schema").asText()).isEqualTo(SCHEMA.toString());
    }

    @Test
    void schemaForUnknownSubjectIsCompatible() {
        server.enqueue(answer(404, "{\"error_code\":40401,\"message\":\"Subject 's-value' not found.\"}"));

        assertThat(client.isCompatible("s-value", SCHEMA)).isTrue();
    }

    @Test
    void compatibilityAsksForSubjectLevelDefaultingToGlobal() throws Exception {
        server.enqueue(answer(200, "{\"compatibilityLevel\":\"FULL\"}"));

        assertThat(client.compatibility("s-value")).isEqualTo("FULL");

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/config/s-value");
        assertThat(request.getUrl().queryParameter("defaultToGlobal")).isEqualTo("true");
    }

    @Test
    void compatibilityFallsBackToGlobalConfigWhenSubjectHasNone() throws Exception {
        server.enqueue(answer(404, "{\"error_code\":40408,\"message\":\"Subject 's-value' does not have "
                + "subject-level compatibility configured\"}"));
        server.enqueue(answer(200, "{\"compatibilityLevel\":\"BACKWARD\"}"));

        assertThat(client.compatibility("s-value")).isEqualTo("BACKWARD");

        take();
        assertThat(take().getUrl().encodedPath()).isEqualTo("/config");
    }

    @Test
    void setCompatibilityPutsCompatibilityField() throws Exception {
        server.enqueue(answer(200, "{\"compatibility\":\"FULL_TRANSITIVE\"}"));

        client.setCompatibility("s-value", "FULL_TRANSITIVE");

        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/config/s-value");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo(CONTENT_TYPE);
        assertThat(JSON.readTree(request.getBody().utf8()))
                .isEqualTo(JSON.readTree("{\"compatibility\":\"FULL_TRANSITIVE\"}"));
    }

    @Test
    void invalidCompatibilityLevelIsReportedWithItsCode() {
        server.enqueue(answer(422, "{\"error_code\":42203,\"message\":\"Invalid compatibility level\"}"));

        assertThatThrownBy(() -> client.setCompatibility("s-value", "SIDEWAYS"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL));
    }
}
