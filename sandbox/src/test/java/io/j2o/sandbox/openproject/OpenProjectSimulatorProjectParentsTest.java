package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subprojects: {@code _links.parent} on create and update, an existing parent only, never a cycle. */
class OpenProjectSimulatorProjectParentsTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private int engineering;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("k")).start();
        api = new SimulatorClient(simulator);
        engineering = api.post("/api/v3/projects", "{\"name\":\"Engineering\",\"identifier\":\"engineering\"}").json()
                .get("id").asInt();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void subprojectLinksItsParentAndListsItsAncestorsRootFirst() {
        int backend = create("backend", engineering).json().get("id").asInt();
        JsonNode api = create("api", backend).json();

        assertThat(api.at("/_links/parent/href").asText()).isEqualTo("/api/v3/projects/" + backend);
        assertThat(api.at("/_links/parent/title").asText()).isEqualTo("backend");
        assertThat(api.at("/_links/ancestors/0/href").asText()).isEqualTo("/api/v3/projects/" + engineering);
        assertThat(api.at("/_links/ancestors/1/href").asText()).isEqualTo("/api/v3/projects/" + backend);
        assertThat(this.api.get("/api/v3/projects?filters=" + SimulatorClient.filters(
                "[{\"parent_id\":{\"operator\":\"=\",\"values\":[\"" + engineering + "\"]}}]")).json().get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void parentThatDoesNotExistIs422OnParent() {
        SimulatorClient.Reply reply = create("orphan", 999);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().at("/_embedded/details/attribute").asText()).isEqualTo("parent");
        assertThat(simulator.projects()).hasSize(1);
    }

    @Test
    void updateMovesAProjectButNeverUnderItselfOrItsOwnSubproject() {
        int backend = create("backend", engineering).json().get("id").asInt();

        SimulatorClient.Reply cycle = api.patch("/api/v3/projects/" + engineering, parent(backend));
        SimulatorClient.Reply top = api.patch("/api/v3/projects/" + backend, "{\"_links\":{\"parent\":{\"href\":null}}}");

        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().at("/_embedded/details/attribute").asText()).isEqualTo("parent");
        assertThat(top.status()).isEqualTo(200);
        assertThat(top.json().at("/_links/parent/href").isNull()).isTrue();
        assertThat(top.json().at("/_links/ancestors").size()).isZero();
    }

    private SimulatorClient.Reply create(String identifier, int parent) {
        return api.post("/api/v3/projects", "{\"name\":\"" + identifier + "\",\"identifier\":\"" + identifier + "\","
                + parent(parent).substring(1));
    }

    private static String parent(int id) {
        return "{\"_links\":{\"parent\":{\"href\":\"/api/v3/projects/" + id + "\"}}}";
    }
}
