package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.sandbox.openproject.CustomFieldDefinition.Format;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work-package custom fields of every format: writing, reading back, validation, custom options and the schema. */
class OpenProjectSimulatorCustomFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<CustomFieldDefinition> FIELDS = List.of(
            CustomFieldDefinition.jiraKey(),
            new CustomFieldDefinition(2, "Customer", Format.STRING),
            new CustomFieldDefinition(3, "Story points", Format.FLOAT),
            new CustomFieldDefinition(4, "Build", Format.INT),
            new CustomFieldDefinition(5, "Go-live", Format.DATE),
            CustomFieldDefinition.list(6, "Severity", false, "Low", "High"),
            CustomFieldDefinition.list(7, "Platforms", true, "Web", "iOS", "Android"),
            new CustomFieldDefinition(8, "Reviewer", Format.USER),
            new CustomFieldDefinition(9, "Approvers", Format.USER, true, List.of()),
            new CustomFieldDefinition(10, "Found in", Format.VERSION),
            new CustomFieldDefinition(11, "Spec", Format.LINK));

    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private int projectId;
    private int versionId;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("cf-test").withCustomFields(FIELDS))
                .start();
        api = new SimulatorClient(simulator);
        projectId = api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo\"}").json().get("id").asInt();
        versionId = api.post("/api/v3/versions", "{\"name\":\"1.0\",\"_links\":{\"definingProject\":{\"href\":"
                + "\"/api/v3/projects/" + projectId + "\"}}}").json().get("id").asInt();
        api.post("/api/v3/memberships", "{\"_links\":{\"project\":{\"href\":\"/api/v3/projects/" + projectId + "\"},"
                + "\"principal\":{\"href\":\"/api/v3/users/1\"},\"roles\":[{\"href\":\"/api/v3/roles/4\"}]}}");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SimulatorClient.Reply create(String customFields, String customLinks) {
        return api.post("/api/v3/work_packages", "{\"subject\":\"s\"" + customFields + ",\"_links\":{\"project\":"
                + "{\"href\":\"/api/v3/projects/" + projectId + "\"}" + customLinks + "}}");
    }

    @Test
    void everyFormatIsStoredAndRenderedWhereOpenProjectPutsIt() {
        SimulatorClient.Reply reply = create(",\"customField2\":\"ACME\",\"customField3\":5.5,\"customField4\":1042,"
                        + "\"customField5\":\"2025-04-30\",\"customField11\":\"https://wiki.example.com/42\"",
                ",\"customField6\":{\"href\":\"/api/v3/custom_options/2\"},"
                        + "\"customField7\":[{\"href\":\"/api/v3/custom_options/5\"},{\"href\":\"/api/v3/custom_options/3\"}],"
                        + "\"customField8\":{\"href\":\"/api/v3/users/1\"},\"customField9\":[{\"href\":\"/api/v3/users/1\"}],"
                        + "\"customField10\":{\"href\":\"/api/v3/versions/" + versionId + "\"}");

        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        JsonNode wp = reply.json();
        assertThat(wp.get("customField2").asText()).isEqualTo("ACME");
        assertThat(wp.get("customField3").asDouble()).isEqualTo(5.5);
        assertThat(wp.get("customField4").asInt()).isEqualTo(1042);
        assertThat(wp.get("customField5").asText()).isEqualTo("2025-04-30");
        assertThat(wp.get("customField11").asText()).isEqualTo("https://wiki.example.com/42");
        assertThat(wp.has("customField6")).as("a list value is a link only").isFalse();
        assertThat(wp.at("/_links/customField6")).isEqualTo(json("{\"href\":\"/api/v3/custom_options/2\",\"title\":\"High\"}"));
        assertThat(wp.at("/_links/customField7")).isEqualTo(json("[{\"href\":\"/api/v3/custom_options/5\",\"title\":\"Android\"},"
                + "{\"href\":\"/api/v3/custom_options/3\",\"title\":\"Web\"}]"));
        assertThat(wp.at("/_links/customField8/href").asText()).isEqualTo("/api/v3/users/1");
        assertThat(wp.at("/_links/customField9/0/href").asText()).isEqualTo("/api/v3/users/1");
        assertThat(wp.at("/_links/customField10/href").asText()).isEqualTo("/api/v3/versions/" + versionId);
    }

    @Test
    void nullAndEmptyArraysClearLinkedValues() {
        int id = create("", ",\"customField6\":{\"href\":\"/api/v3/custom_options/1\"},"
                + "\"customField7\":[{\"href\":\"/api/v3/custom_options/3\"}]").json().get("id").asInt();

        JsonNode cleared = api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"_links\":{"
                + "\"customField6\":{\"href\":null},\"customField7\":[]}}").json();

        assertThat(cleared.at("/_links/customField6/href").isNull()).isTrue();
        assertThat(cleared.at("/_links/customField7")).isEqualTo(json("[]"));
    }

    @Test
    void wrongFormatsAndValuesOutsideTheAllowedOnesAre422() {
        assertThat(create(",\"customField4\":\"many\"", "").json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:PropertyFormatError");
        SimulatorClient.Reply otherFieldsOption = create("", ",\"customField6\":{\"href\":\"/api/v3/custom_options/3\"}");
        assertThat(otherFieldsOption.status()).isEqualTo(422);
        assertThat(otherFieldsOption.json().get("message").asText())
                .isEqualTo("Severity is not set to one of the allowed values.");
        assertThat(create("", ",\"customField6\":{\"href\":\"/api/v3/custom_options/99\"}").status()).isEqualTo(422);
        assertThat(create("", ",\"customField6\":{\"href\":\"/api/v3/users/1\"}").json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:ResourceTypeMismatch");
        int stranger = api.post("/api/v3/users", "{\"login\":\"eve\",\"email\":\"eve@example.com\",\"firstName\":\"Eve\","
                + "\"lastName\":\"E\",\"status\":\"invited\"}").json().get("id").asInt();
        assertThat(create("", ",\"customField8\":{\"href\":\"/api/v3/users/" + stranger + "\"}").json().get("message")
                .asText()).as("only members of the project").isEqualTo("Reviewer is not set to one of the allowed values.");
        assertThat(create("", ",\"customField6\":[{\"href\":\"/api/v3/custom_options/1\"},"
                + "{\"href\":\"/api/v3/custom_options/2\"}]").status()).as("two values in a single list").isEqualTo(422);
    }

    @Test
    void customOptionsAreServedByIdAnd404Otherwise() {
        assertThat(api.get("/api/v3/custom_options/4").json()).isEqualTo(json("{\"_type\":\"CustomOption\",\"id\":4,"
                + "\"value\":\"iOS\",\"_links\":{\"self\":{\"href\":\"/api/v3/custom_options/4\",\"title\":\"iOS\"}}}"));
        assertThat(api.get("/api/v3/custom_options/99").status()).isEqualTo(404);
    }

    @Test
    void theWorkPackageSchemaOfAProjectAndTypeDescribesEveryCustomField() {
        JsonNode schema = api.get("/api/v3/work_packages/schemas/" + projectId + "-1").json();

        assertThat(schema.at("/_links/self/href").asText()).isEqualTo("/api/v3/work_packages/schemas/" + projectId + "-1");
        assertThat(schema.at("/customField1/type").asText()).isEqualTo("String");
        assertThat(schema.at("/customField1/name").asText()).isEqualTo("Jira key");
        assertThat(schema.at("/customField3/type").asText()).isEqualTo("Float");
        assertThat(schema.at("/customField6/type").asText()).isEqualTo("CustomOption");
        assertThat(schema.at("/customField6/location").asText()).isEqualTo("_links");
        assertThat(schema.at("/customField6/_links/allowedValues")).isEqualTo(json("[{\"href\":\"/api/v3/custom_options/1\","
                + "\"title\":\"Low\"},{\"href\":\"/api/v3/custom_options/2\",\"title\":\"High\"}]"));
        assertThat(schema.at("/customField7/type").asText()).isEqualTo("[]CustomOption");
        assertThat(schema.at("/customField9/type").asText()).isEqualTo("[]User");
        assertThat(schema.at("/customField10/_links/allowedValues/0/title").asText()).isEqualTo("1.0");
        assertThat(schema.at("/customField11/type").asText()).isEqualTo("Link");
        assertThat(api.get("/api/v3/work_packages/schemas/999-1").status()).isEqualTo(404);
        assertThat(api.get("/api/v3/work_packages/schemas/" + projectId + "-99").status()).isEqualTo(404);
    }

    @Test
    void customOptionExchangesMatchTheSpec() {
        Optional<OpenProjectSpecCheck> spec = OpenProjectSpecCheck.fromSharedDir();
        Assumptions.assumeTrue(spec.isPresent(), "OpenProject spec not found (-Dj2o.shared.dir)");
        api.get("/api/v3/custom_options/1");
        api.get("/api/v3/custom_options/99");
        simulator.exchanges().stream().filter(e -> e.path().startsWith("/api/v3/custom_options"))
                .forEach(exchange -> spec.get().check(exchange, simulator.apiKey()));
        assertThat(spec.get().findings()).isEmpty();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
