package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Watchers as OpenProject 17 keeps them: only a project member (or an admin) may watch, adding twice is a 200. */
class OpenProjectSimulatorWatchersTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private int project;
    private int member;
    private int outsider;
    private int workPackage;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("watchers")).start();
        api = new SimulatorClient(simulator);
        project = api.post("/api/v3/projects", "{\"name\":\"A\",\"identifier\":\"a\"}").json().get("id").asInt();
        member = user("ann");
        outsider = user("bob");
        api.post("/api/v3/memberships", "{\"_links\":{\"project\":{\"href\":\"/api/v3/projects/" + project
                + "\"},\"principal\":{\"href\":\"/api/v3/users/" + member + "\"},\"roles\":[{\"href\":\"/api/v3/roles/4\"}]}}");
        workPackage = api.post("/api/v3/work_packages", "{\"subject\":\"Watched\",\"_links\":{\"project\":{\"href\":"
                + "\"/api/v3/projects/" + project + "\"}}}").json().get("id").asInt();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aMemberBecomesAWatcherOnceAndAddingAgainAnswers200() {
        SimulatorClient.Reply added = watch(member);
        SimulatorClient.Reply again = watch(member);
        long writes = simulator.writeCount();

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("_type").asText()).isEqualTo("User");
        assertThat(added.json().get("id").asInt()).isEqualTo(member);
        assertThat(again.status()).isEqualTo(200);
        SimulatorClient.Reply listed = api.get(watchers());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get("_type").asText()).isEqualTo("Collection");
        assertThat(listed.json().get("total").asInt()).isEqualTo(1);
        assertThat(listed.json().at("/_embedded/elements/0/id").asInt()).isEqualTo(member);
        assertThat(listed.json().at("/_links/self/href").asText()).isEqualTo(watchers());
        assertThat(simulator.watchers()).singleElement().satisfies(w -> {
            assertThat(w.at("/_links/user/href").asText()).isEqualTo("/api/v3/users/" + member);
            assertThat(w.at("/_links/workPackage/href").asText()).isEqualTo("/api/v3/work_packages/" + workPackage);
        });
        assertThat(simulator.exportState().get("watchers")).hasSize(1);
        assertThat(writes).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aUserWhoIsNotAMemberOrDoesNotExistMayNotWatch() {
        SimulatorClient.Reply outside = watch(outsider);
        SimulatorClient.Reply unknown = watch(999);
        SimulatorClient.Reply notAUser = api.post(watchers(), "{\"user\":{\"href\":\"/api/v3/projects/" + project + "\"}}");
        SimulatorClient.Reply noUser = api.post(watchers(), "{\"someone\":{}}");

        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("errorIdentifier").asText()).endsWith("PropertyConstraintViolation");
        assertThat(outside.json().at("/_embedded/details/attribute").asText()).isEqualTo("user");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(notAUser.status()).isEqualTo(422);
        assertThat(notAUser.json().get("errorIdentifier").asText()).endsWith("ResourceTypeMismatch");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(watch(1).status()).as("the admin may watch anything").isEqualTo(201);
        assertThat(simulator.watchers()).hasSize(1);
    }

    @Test
    void removingAWatcherIsIdempotentAndUnknownThingsAre404() {
        watch(member);

        assertThat(api.delete(watchers() + "/" + member).status()).isEqualTo(204);
        assertThat(api.delete(watchers() + "/" + member).status()).isEqualTo(204);
        assertThat(api.delete(watchers() + "/999").status()).isEqualTo(404);
        assertThat(api.get("/api/v3/work_packages/999/watchers").status()).isEqualTo(404);
        assertThat(api.get(watchers()).json().get("total").asInt()).isZero();
        assertThat(simulator.watchers()).isEmpty();
    }

    @Test
    void deletingTheWorkPackageForgetsItsWatchers() {
        watch(member);

        api.delete("/api/v3/work_packages/" + workPackage);

        assertThat(simulator.watchers()).isEmpty();
    }

    @Test
    void everyWatcherExchangeMatchesTheSpec() {
        OpenProjectSpecCheck spec = OpenProjectSpecCheck.fromSharedDir().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(spec != null, "OpenProject spec not found");
        watch(member);
        watch(member);
        watch(outsider);
        api.get(watchers());
        api.delete(watchers() + "/" + member);

        simulator.exchanges().forEach(exchange -> spec.check(exchange, simulator.apiKey()));
        assertThat(spec.findings()).isEmpty();
    }

    private SimulatorClient.Reply watch(int user) {
        return api.post(watchers(), "{\"user\":{\"href\":\"/api/v3/users/" + user + "\"}}");
    }

    private String watchers() {
        return "/api/v3/work_packages/" + workPackage + "/watchers";
    }

    private int user(String login) {
        return api.post("/api/v3/users", "{\"login\":\"" + login + "\",\"email\":\"" + login + "@example.com\","
                + "\"firstName\":\"" + login + "\",\"lastName\":\"Lee\",\"status\":\"invited\"}").json().get("id").asInt();
    }
}
