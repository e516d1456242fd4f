package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Versions, relations, time entries and memberships behave as a real OpenProject 17 does for a migration. */
class OpenProjectSimulatorMigrationResourcesTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private String project;
    private int user;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("resources")).start();
        api = new SimulatorClient(simulator);
        project = "/api/v3/projects/" + api.post("/api/v3/projects", "{\"name\":\"A\",\"identifier\":\"a\"}").json()
                .get("id").asInt();
        user = api.post("/api/v3/users", "{\"login\":\"ann\",\"email\":\"ann@example.com\",\"firstName\":\"Ann\","
                + "\"lastName\":\"Lee\",\"status\":\"invited\"}").json().get("id").asInt();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void workPackageTakesAnOpenVersionAndRefusesAClosedOneOrAnUnknownUser() {
        int open = version("1.0", "open");
        int closed = version("0.9", "closed");
        int wp = workPackage("With version");

        SimulatorClient.Reply set = patch(wp, 0, "\"_links\":{\"version\":{\"href\":\"/api/v3/versions/" + open + "\"}}");
        SimulatorClient.Reply refused = patch(wp, 1, "\"_links\":{\"version\":{\"href\":\"/api/v3/versions/" + closed + "\"}}");
        SimulatorClient.Reply unknownUser = patch(wp, 1, "\"_links\":{\"assignee\":{\"href\":\"/api/v3/users/99\"}}");
        SimulatorClient.Reply cleared = patch(wp, 1, "\"_links\":{\"version\":{\"href\":null}}");

        assertThat(set.json().at("/_links/version/href").asText()).isEqualTo("/api/v3/versions/" + open);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/_embedded/details/attribute").asText()).isEqualTo("version");
        assertThat(unknownUser.status()).isEqualTo(422);
        assertThat(unknownUser.json().at("/_embedded/details/attribute").asText()).isEqualTo("assignee");
        assertThat(cleared.json().at("/_links/version/href").isNull()).isTrue();
    }

    @Test
    void fractionalHoursAreReadAndRemainingWorkMayNotExceedWork() {
        int wp = workPackage("Timed");

        SimulatorClient.Reply timed = patch(wp, 0, "\"estimatedTime\":\"PT1.5H\",\"remainingTime\":\"PT0.25H\"");
        SimulatorClient.Reply tooMuch = patch(wp, 1, "\"remainingTime\":\"PT2H\"");
        SimulatorClient.Reply cleared = patch(wp, 1, "\"estimatedTime\":null,\"remainingTime\":null");

        assertThat(timed.json().get("estimatedTime").asText()).isEqualTo("PT1H30M");
        assertThat(timed.json().get("remainingTime").asText()).isEqualTo("PT0H15M");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(cleared.json().get("estimatedTime").isNull()).isTrue();
        assertThat(cleared.json().get("remainingTime").isNull()).isTrue();
    }

    @Test
    void reverseRelationTypeIsStoredCanonicallyAndASecondRelationOfThePairIsRefused() {
        int a = workPackage("A");
        int b = workPackage("B");

        SimulatorClient.Reply created = relate(a, b, "precedes");
        SimulatorClient.Reply second = relate(b, a, "relates");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("type").asText()).isEqualTo("follows");
        assertThat(created.json().at("/_links/from/href").asText()).isEqualTo("/api/v3/work_packages/" + b);
        assertThat(created.json().at("/_links/to/href").asText()).isEqualTo("/api/v3/work_packages/" + a);
        assertThat(second.status()).isEqualTo(409);
        assertThat(simulator.relations()).hasSize(1);
        assertThat(relate(a, a, "relates").status()).isEqualTo(422);
    }

    @Test
    void timeEntryForAnotherUserIsFilteredByItsWorkPackageAndDeleted() {
        int wp = workPackage("Logged");
        SimulatorClient.Reply entry = api.post("/api/v3/time_entries", "{\"hours\":\"PT0.5H\",\"spentOn\":\"2024-05-01\","
                + "\"comment\":{\"raw\":\"x\"},\"_links\":{\"entity\":{\"href\":\"/api/v3/work_packages/" + wp + "\"},"
                + "\"user\":{\"href\":\"/api/v3/users/" + user + "\"}}}");

        SimulatorClient.Reply listed = api.get("/api/v3/time_entries?filters=" + SimulatorClient.filters(
                "[{\"entity_id\":{\"operator\":\"=\",\"values\":[\"" + wp + "\"]}}]"));

        assertThat(entry.status()).isEqualTo(201);
        assertThat(entry.json().get("hours").asText()).isEqualTo("PT0H30M");
        assertThat(entry.json().at("/_links/user/href").asText()).isEqualTo("/api/v3/users/" + user);
        assertThat(entry.json().at("/_links/project/href").asText()).isEqualTo(project);
        assertThat(listed.json().get("total").asInt()).isEqualTo(1);
        assertThat(api.delete("/api/v3/time_entries/" + entry.json().get("id").asInt()).status()).isEqualTo(204);
        assertThat(simulator.timeEntries()).isEmpty();
    }

    @Test
    void oneMembershipPerProjectAndUser() {
        String body = "{\"_links\":{\"project\":{\"href\":\"" + project + "\"},\"principal\":{\"href\":\"/api/v3/users/"
                + user + "\"},\"roles\":[{\"href\":\"/api/v3/roles/4\"}]}}";

        SimulatorClient.Reply created = api.post("/api/v3/memberships", body);
        SimulatorClient.Reply again = api.post("/api/v3/memberships", body);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/_links/roles/0/title").asText()).isEqualTo("Member");
        assertThat(again.status()).isEqualTo(422);
        assertThat(simulator.memberships()).hasSize(1);
    }

    private int version(String name, String status) {
        return api.post("/api/v3/versions", "{\"name\":\"" + name + "\",\"status\":\"" + status + "\",\"_links\":"
                + "{\"definingProject\":{\"href\":\"" + project + "\"}}}").json().get("id").asInt();
    }

    private int workPackage(String subject) {
        return api.post("/api/v3/work_packages", "{\"subject\":\"" + subject + "\",\"_links\":{\"project\":{\"href\":\""
                + project + "\"}}}").json().get("id").asInt();
    }

    private SimulatorClient.Reply patch(int wp, int lockVersion, String fields) {
        return api.patch("/api/v3/work_packages/" + wp, "{\"lockVersion\":" + lockVersion + "," + fields + "}");
    }

    private SimulatorClient.Reply relate(int from, int to, String type) {
        return api.post("/api/v3/work_packages/" + from + "/relations", "{\"type\":\"" + type + "\",\"_links\":{\"to\":"
                + "{\"href\":\"/api/v3/work_packages/" + to + "\"}}}");
    }
}
