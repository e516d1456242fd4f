package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Groups: unique names, a member list a PATCH replaces, principal ids shared with users, memberships of a group. */
class OpenProjectSimulatorGroupsTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private int ann;
    private int bo;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("k")).start();
        api = new SimulatorClient(simulator);
        ann = user("ann");
        bo = user("bo");
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void createdGroupLinksAndEmbedsItsMembersAndIsListedAndShown() {
        SimulatorClient.Reply created = api.post("/api/v3/groups", group("Developers", ann, bo));

        assertThat(created.status()).isEqualTo(201);
        JsonNode group = created.json();
        assertThat(group.get("_type").asText()).isEqualTo("Group");
        assertThat(group.get("id").asInt()).as("groups are principals: no user has the same id").isGreaterThan(bo);
        assertThat(group.at("/_links/members/0/href").asText()).isEqualTo("/api/v3/users/" + ann);
        assertThat(group.at("/_links/members/1/title").asText()).isEqualTo("bo Lee");
        assertThat(group.at("/_embedded/members/1/login").asText()).isEqualTo("bo");
        JsonNode list = api.get("/api/v3/groups?filters=%5B%5D&pageSize=1&offset=1").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.at("/_embedded/elements/0/name").asText()).isEqualTo("Developers");
        assertThat(api.get("/api/v3/groups/" + group.get("id").asInt()).json()).isEqualTo(group);
        assertThat(api.get("/api/v3/users/" + group.get("id").asInt()).status()).as("a group is no user").isEqualTo(404);
    }

    @Test
    void groupNamesAreUniqueAndRequired() {
        api.post("/api/v3/groups", group("Developers", ann));

        SimulatorClient.Reply duplicate = api.post("/api/v3/groups", group("developers"));
        SimulatorClient.Reply blank = api.post("/api/v3/groups", "{\"name\":\" \"}");

        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:PropertyConstraintViolation");
        assertThat(duplicate.json().at("/_embedded/details/attribute").asText()).isEqualTo("name");
        assertThat(duplicate.json().get("message").asText()).isEqualTo("Name has already been taken.");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("message").asText()).isEqualTo("Name can't be blank.");
        assertThat(simulator.groups()).hasSize(1);
    }

    @Test
    void patchWithMembersReplacesTheWholeListAndWithoutKeepsIt() {
        int id = api.post("/api/v3/groups", group("Developers", ann)).json().get("id").asInt();

        JsonNode replaced = api.patch("/api/v3/groups/" + id, "{\"_links\":{\"members\":[{\"href\":\"/api/v3/users/"
                + bo + "\"}]}}").json();
        JsonNode renamed = api.patch("/api/v3/groups/" + id, "{\"name\":\"Devs\"}").json();

        assertThat(replaced.at("/_links/members").size()).isEqualTo(1);
        assertThat(replaced.at("/_links/members/0/href").asText()).isEqualTo("/api/v3/users/" + bo);
        assertThat(renamed.get("name").asText()).isEqualTo("Devs");
        assertThat(renamed.at("/_links/members/0/href").asText()).isEqualTo("/api/v3/users/" + bo);
    }

    @Test
    void membersMustBeExistingUsers() {
        SimulatorClient.Reply missing = api.post("/api/v3/groups", group("Ghosts", 999));
        SimulatorClient.Reply project = api.post("/api/v3/groups",
                "{\"name\":\"Wrong\",\"_links\":{\"members\":[{\"href\":\"/api/v3/projects/1\"}]}}");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().at("/_embedded/details/attribute").asText()).isEqualTo("members");
        assertThat(project.status()).isEqualTo(422);
        assertThat(project.json().get("errorIdentifier").asText()).endsWith("ResourceTypeMismatch");
        assertThat(simulator.groups()).isEmpty();
    }

    @Test
    void groupCanBeAProjectMemberAndDeletingItTakesItsMembershipsAlong() {
        int group = api.post("/api/v3/groups", group("Developers", ann)).json().get("id").asInt();
        int project = api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo\"}").json().get("id").asInt();

        SimulatorClient.Reply membership = api.post("/api/v3/memberships", "{\"_links\":{\"project\":{\"href\":"
                + "\"/api/v3/projects/" + project + "\"},\"principal\":{\"href\":\"/api/v3/groups/" + group + "\"},"
                + "\"roles\":[{\"href\":\"/api/v3/roles/4\"}]}}");

        assertThat(membership.status()).isEqualTo(201);
        assertThat(membership.json().at("/_links/principal/href").asText()).isEqualTo("/api/v3/groups/" + group);
        assertThat(membership.json().at("/_links/principal/title").asText()).isEqualTo("Developers");
        SimulatorClient.Reply deleted = api.delete("/api/v3/groups/" + group);
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(api.get("/api/v3/groups/" + group).status()).isEqualTo(404);
        assertThat(simulator.memberships()).isEmpty();
    }

    private int user(String login) {
        return api.post("/api/v3/users", "{\"login\":\"" + login + "\",\"email\":\"" + login + "@example.com\","
                + "\"firstName\":\"" + login + "\",\"lastName\":\"Lee\",\"status\":\"invited\"}").json().get("id").asInt();
    }

    private static String group(String name, int... members) {
        StringBuilder links = new StringBuilder();
        for (int member : members) {
            links.append(links.length() == 0 ? "" : ",").append("{\"href\":\"/api/v3/users/").append(member).append("\"}");
        }
        return "{\"name\":\"" + name + "\",\"_links\":{\"members\":[" + links + "]}}";
    }
}
