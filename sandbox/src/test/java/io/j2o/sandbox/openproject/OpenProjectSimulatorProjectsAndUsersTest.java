package io.j2o.sandbox.openproject;

import static io.j2o.sandbox.openproject.SimulatorClient.filters;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenProjectSimulatorProjectsAndUsersTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("k")).start();
        api = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "has space", "12345", "new", "dots.not.allowed"})
    void invalidIdentifiersAre422OnIdentifier(String identifier) {
        SimulatorClient.Reply reply = api.post("/api/v3/projects",
                "{\"name\":\"Demo\",\"identifier\":\"" + identifier + "\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:PropertyConstraintViolation");
        assertThat(reply.json().at("/_embedded/details/attribute").asText()).isEqualTo("identifier");
    }

    @Test
    void identifierLongerThan100IsRejectedAnd100IsAccepted() {
        String hundred = "a".repeat(100);
        assertThat(api.post("/api/v3/projects", "{\"name\":\"A\",\"identifier\":\"" + hundred + "\"}").status())
                .isEqualTo(201);
        SimulatorClient.Reply tooLong = api.post("/api/v3/projects",
                "{\"name\":\"B\",\"identifier\":\"" + hundred + "b\"}");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().at("/_embedded/details/attribute").asText()).isEqualTo("identifier");
    }

    @Test
    void identifiersAreUniqueCaseInsensitivelyAndBlankOnesAreDerivedFromTheName() {
        assertThat(api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo-1_x\"}").status())
                .isEqualTo(201);
        SimulatorClient.Reply clash = api.post("/api/v3/projects", "{\"name\":\"Other\",\"identifier\":\"demo-1_x\"}");
        assertThat(clash.status()).isEqualTo(422);
        assertThat(clash.json().get("message").asText()).isEqualTo("Identifier has already been taken.");

        JsonNode derived = api.post("/api/v3/projects", "{\"name\":\"My Great Project!\"}").json();
        assertThat(derived.get("identifier").asText()).isEqualTo("my-great-project");
        assertThat(api.get("/api/v3/projects/my-great-project").json().get("id")).isEqualTo(derived.get("id"));
    }

    @Test
    void nameIsRequired() {
        SimulatorClient.Reply reply = api.post("/api/v3/projects", "{\"identifier\":\"ok\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/_embedded/details/attribute").asText()).isEqualTo("name");
    }

    @Test
    void projectListFiltersByIdNameAndActive() {
        api.post("/api/v3/projects", "{\"name\":\"Alpha\",\"identifier\":\"alpha\"}");
        int beta = api.post("/api/v3/projects", "{\"name\":\"Beta\",\"identifier\":\"beta\"}").json().get("id").asInt();
        api.patch("/api/v3/projects/beta", "{\"active\":false}");

        JsonNode byName = api.get("/api/v3/projects?filters="
                + filters("[{\"name_and_identifier\":{\"operator\":\"~\",\"values\":[\"alp\"]}}]")).json();
        assertThat(byName.get("total").asInt()).isEqualTo(1);
        assertThat(byName.get("pageSize").asInt()).isEqualTo(20);
        JsonNode inactive = api.get("/api/v3/projects?filters="
                + filters("[{\"active\":{\"operator\":\"=\",\"values\":[\"f\"]}}]")).json();
        assertThat(inactive.at("/_embedded/elements/0/id").asInt()).isEqualTo(beta);
        JsonNode byId = api.get("/api/v3/projects?filters="
                + filters("[{\"id\":{\"operator\":\"=\",\"values\":[\"" + beta + "\"]}}]")).json();
        assertThat(byId.at("/_embedded/elements/0/identifier").asText()).isEqualTo("beta");
        assertThat(api.get("/api/v3/projects/nope").status()).isEqualTo(404);
    }

    @Test
    void usersAreCreatedWithUniqueLoginAndEmail() {
        String body = "{\"login\":\"jdoe\",\"email\":\"jdoe@example.com\",\"firstName\":\"John\",\"lastName\":\"Doe\","
                + "\"status\":\"invited\"}";
        SimulatorClient.Reply created = api.post("/api/v3/users", body);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("invited");
        assertThat(created.json().get("name").asText()).isEqualTo("John Doe");

        SimulatorClient.Reply duplicate = api.post("/api/v3/users", body.replace("jdoe@", "other@"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().at("/_embedded/details/attribute").asText()).isEqualTo("login");

        SimulatorClient.Reply activeWithoutPassword = api.post("/api/v3/users", "{\"login\":\"x\",\"email\":\"x@y.z\","
                + "\"firstName\":\"X\",\"lastName\":\"Y\",\"status\":\"active\"}");
        assertThat(activeWithoutPassword.json().at("/_embedded/details/attribute").asText()).isEqualTo("password");

        JsonNode list = api.get("/api/v3/users?filters="
                + filters("[{\"login\":{\"operator\":\"=\",\"values\":[\"jdoe\"]}}]")).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v3/users/me").json().get("login").asText()).isEqualTo("admin");
        assertThat(api.get("/api/v3/users/42").status()).isEqualTo(404);
    }
}
