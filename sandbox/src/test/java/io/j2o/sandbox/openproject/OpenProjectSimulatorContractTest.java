package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the simulator's requests and responses against OpenProject's own OpenAPI spec
 * ({@code shared/specs/openproject-apiv3}), tolerating only {@link OpenProjectSpecCheck#KNOWN_SPEC_ERRORS}.
 */
class OpenProjectSimulatorContractTest {

    private static OpenProjectSimulator simulator;
    private static SimulatorClient api;
    private static OpenProjectSpecCheck spec;

    @BeforeAll
    static void loadSpec() {
        spec = OpenProjectSpecCheck.fromSharedDir().orElse(null);
        if (spec == null) {
            return; // the test itself reports the skip, so the reason shows up in the test report
        }
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("opapi-contract")).start();
        api = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyExchangeOfALoaderSessionMatchesTheSpec() {
        Assumptions.assumeTrue(spec != null, "OpenProject spec not found: set -Dj2o.shared.dir to the shared "
                + "folder holding specs/openproject-apiv3/openapi-spec.yml (was " + System.getProperty("j2o.shared.dir") + ")");
        api.get("/api/v3");
        for (String path : List.of("/api/v3/types", "/api/v3/types/1", "/api/v3/statuses", "/api/v3/statuses/12",
                "/api/v3/priorities", "/api/v3/priorities/8")) {
            api.get(path);
        }
        String project = "{\"name\":\"Contract\",\"identifier\":\"contract\",\"description\":{\"raw\":\"d\"}}";
        SimulatorClient.Reply created = api.post("/api/v3/projects", project);
        int projectId = created.json().get("id").asInt();
        api.get("/api/v3/projects?pageSize=5&offset=1");
        api.get("/api/v3/projects/" + projectId);
        String rename = "{\"name\":\"Contract 2\"}";
        api.patch("/api/v3/projects/" + projectId, rename);
        String badProject = "{\"name\":\"X\",\"identifier\":\"Bad Id\"}";
        api.post("/api/v3/projects", badProject);

        String user = "{\"login\":\"jdoe\",\"email\":\"jdoe@example.com\",\"firstName\":\"John\",\"lastName\":\"Doe\","
                + "\"status\":\"invited\"}";
        api.post("/api/v3/users", user);
        api.get("/api/v3/users");
        api.get("/api/v3/users/1");

        String wpBody = "{\"subject\":\"KEY-1 Fix login\",\"description\":{\"raw\":\"text\"},\"customField1\":\"KEY-1\","
                + "\"estimatedTime\":\"PT2H\",\"_links\":{\"type\":{\"href\":\"/api/v3/types/7\"},"
                + "\"priority\":{\"href\":\"/api/v3/priorities/9\"},\"assignee\":{\"href\":\"/api/v3/users/2\"}}}";
        String path = "/api/v3/projects/" + projectId + "/work_packages";
        int wpId = api.post(path, wpBody).json().get("id").asInt();
        String global = "{\"subject\":\"Second\",\"_links\":{\"project\":{\"href\":\"/api/v3/projects/" + projectId
                + "\"}}}";
        api.post("/api/v3/work_packages", global);
        api.get(path + "?pageSize=1&offset=2");
        api.get("/api/v3/work_packages");
        api.get("/api/v3/work_packages/" + wpId);
        String patch = "{\"lockVersion\":0,\"subject\":\"KEY-1 Fixed\",\"_links\":{\"status\":{\"href\":"
                + "\"/api/v3/statuses/12\"}}}";
        api.patch("/api/v3/work_packages/" + wpId, patch);
        api.patch("/api/v3/work_packages/" + wpId, patch);
        String blank = "{\"lockVersion\":1,\"subject\":\"\"}";
        api.patch("/api/v3/work_packages/" + wpId, blank);
        String comment = "{\"comment\":{\"raw\":\"*By Ann in Jira*\\n\\nHello\\n\\n<!-- j2o:comment:7 -->\"}}";
        String comments = "/api/v3/work_packages/" + wpId + "/activities";
        int activityId = api.post(comments + "?notify=false", comment).json()
                .get("id").asInt();
        api.get("/api/v3/activities/" + activityId);
        String edit = "{\"comment\":{\"raw\":\"_(deleted in Jira)_\"}}";
        api.patch("/api/v3/activities/" + activityId, edit);
        api.get(comments);
        api.delete("/api/v3/work_packages/" + wpId);
        api.get("/api/v3/work_packages/" + wpId);
        migrationResources();
        groupsAndSubprojects();
        attachments();

        simulator.exchanges().forEach(exchange -> spec.check(exchange, simulator.apiKey()));
        assertThat(spec.findings()).as("spec violations not explained by a known spec error").isEmpty();
        assertThat(spec.used()).as("every tolerated spec error must still occur, else drop it")
                .containsExactlyInAnyOrderElementsOf(OpenProjectSpecCheck.KNOWN_SPEC_ERRORS);
    }

    /** Work-package attachments as the loader uploads, finds and deletes them, the size limit included. */
    private static void attachments() {
        int project = api.post("/api/v3/projects", "{\"name\":\"Att\",\"identifier\":\"att\"}").json().get("id").asInt();
        int wp = api.post("/api/v3/projects/" + project + "/work_packages", "{\"subject\":\"Files\"}").json()
                .get("id").asInt();
        String path = "/api/v3/work_packages/" + wp + "/attachments";
        api.get("/api/v3/configuration");
        int id = api.postAttachment(path, "{\"fileName\":\"a.txt\",\"description\":{\"raw\":\"From Jira\"}}", "a.txt",
                "text/plain", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().get("id").asInt();
        api.postAttachment(path, "{\"fileName\":\"big.bin\"}", "big.bin", "application/octet-stream",
                new byte[5 * 1024 * 1024 + 1]);
        api.get(path);
        api.get("/api/v3/attachments/" + id);
        api.delete("/api/v3/attachments/" + id);
        api.get("/api/v3/attachments/" + id);
    }

    /** Groups and subprojects as the loader writes and finds them, the duplicate name and missing parent included. */
    private static void groupsAndSubprojects() {
        int user = api.post("/api/v3/users", "{\"login\":\"gm\",\"email\":\"gm@example.com\",\"firstName\":\"G\","
                + "\"lastName\":\"M\",\"status\":\"invited\"}").json().get("id").asInt();
        String group = "{\"name\":\"Developers\",\"_links\":{\"members\":[{\"href\":\"/api/v3/users/" + user + "\"}]}}";
        int groupId = api.post("/api/v3/groups", group).json().get("id").asInt();
        api.post("/api/v3/groups", group);
        api.get("/api/v3/groups?filters=%5B%5D&pageSize=200&offset=1");
        api.get("/api/v3/groups/" + groupId);
        api.patch("/api/v3/groups/" + groupId, "{\"name\":\"Devs\",\"_links\":{\"members\":[]}}");
        api.delete("/api/v3/groups/" + groupId);

        int parent = api.post("/api/v3/projects", "{\"name\":\"Hub\",\"identifier\":\"hub\"}").json().get("id").asInt();
        int child = api.post("/api/v3/projects", "{\"name\":\"Spoke\",\"identifier\":\"spoke\",\"_links\":{\"parent\":"
                + "{\"href\":\"/api/v3/projects/" + parent + "\"}}}").json().get("id").asInt();
        api.get("/api/v3/projects/" + child);
        api.post("/api/v3/projects", "{\"name\":\"Orphan\",\"identifier\":\"orphan\",\"_links\":{\"parent\":"
                + "{\"href\":\"/api/v3/projects/999\"}}}");
    }

    /** Users, versions, relations, time entries, memberships and roles, as the loader writes and finds them. */
    private static void migrationResources() {
        int project = api.post("/api/v3/projects", "{\"name\":\"Res\",\"identifier\":\"res\"}").json().get("id").asInt();
        String projectHref = "/api/v3/projects/" + project;
        int user = api.post("/api/v3/users", "{\"login\":\"ann\",\"email\":\"ann@example.com\",\"firstName\":\"Ann\","
                + "\"lastName\":\"Lee\",\"status\":\"invited\"}").json().get("id").asInt();
        api.get("/api/v3/users?filters=" + SimulatorClient.filters("[{\"login\":{\"operator\":\"=\",\"values\":[\"ann\"]}}]"));
        api.patch("/api/v3/users/" + user, "{\"firstName\":\"Anne\"}");

        int version = api.post("/api/v3/versions", "{\"name\":\"1.0\",\"description\":{\"raw\":\"first\"},"
                + "\"startDate\":\"2024-01-01\",\"endDate\":\"2024-02-01\",\"status\":\"open\",\"sharing\":\"none\","
                + "\"_links\":{\"definingProject\":{\"href\":\"" + projectHref + "\"}}}").json().get("id").asInt();
        api.post("/api/v3/versions", "{\"name\":\"1.0\",\"_links\":{\"definingProject\":{\"href\":\"" + projectHref + "\"}}}");
        api.get(projectHref + "/versions");
        api.get("/api/v3/versions/" + version);
        api.patch("/api/v3/versions/" + version, "{\"status\":\"closed\"}");

        String wp = "{\"subject\":\"%s\",\"estimatedTime\":\"PT2H\",\"remainingTime\":\"PT1.5H\",\"dueDate\":\"2024-03-01\","
                + "\"_links\":{\"project\":{\"href\":\"" + projectHref + "\"},\"assignee\":{\"href\":\"/api/v3/users/" + user
                + "\"},\"responsible\":{\"href\":null}}}";
        int from = api.post("/api/v3/work_packages", wp.formatted("From")).json().get("id").asInt();
        int to = api.post("/api/v3/work_packages", wp.formatted("To")).json().get("id").asInt();

        String relation = "{\"type\":\"precedes\",\"description\":null,\"_links\":{\"to\":{\"href\":\"/api/v3/work_packages/"
                + to + "\"}}}";
        int relationId = api.post("/api/v3/work_packages/" + from + "/relations", relation).json().get("id").asInt();
        api.post("/api/v3/work_packages/" + from + "/relations", relation);
        api.get("/api/v3/relations?filters=" + SimulatorClient.filters("[{\"involved\":{\"operator\":\"=\",\"values\":[\""
                + from + "\"]}}]"));
        api.patch("/api/v3/relations/" + relationId, "{\"description\":\"ordered\"}");
        api.get("/api/v3/relations/" + relationId);
        api.delete("/api/v3/relations/" + relationId);

        int entry = api.post("/api/v3/time_entries", "{\"hours\":\"PT1.5H\",\"spentOn\":\"2024-01-02\",\"comment\":{\"raw\":"
                + "\"work\\n\\n[j2o:worklog:9]\"},\"_links\":{\"entity\":{\"href\":\"/api/v3/work_packages/" + from
                + "\"},\"user\":{\"href\":\"/api/v3/users/" + user + "\"}}}").json().get("id").asInt();
        api.get("/api/v3/time_entries?filters=" + SimulatorClient.filters("[{\"entity_type\":{\"operator\":\"=\",\"values\":"
                + "[\"WorkPackage\"]}},{\"entity_id\":{\"operator\":\"=\",\"values\":[\"" + from + "\"]}}]") + "&pageSize=50&offset=1");
        api.get("/api/v3/time_entries/" + entry);
        api.patch("/api/v3/time_entries/" + entry, "{\"hours\":\"PT2H\"}");
        api.delete("/api/v3/time_entries/" + entry);

        api.get("/api/v3/roles");
        api.get("/api/v3/roles/4");
        String membership = "{\"_links\":{\"project\":{\"href\":\"" + projectHref + "\"},\"principal\":{\"href\":"
                + "\"/api/v3/users/" + user + "\"},\"roles\":[{\"href\":\"/api/v3/roles/4\"}]}}";
        int membershipId = api.post("/api/v3/memberships", membership).json().get("id").asInt();
        api.post("/api/v3/memberships", membership);
        api.get("/api/v3/memberships?filters=" + SimulatorClient.filters("[{\"project\":{\"operator\":\"=\",\"values\":[\""
                + project + "\"]}},{\"principal\":{\"operator\":\"=\",\"values\":[\"" + user + "\"]}}]"));
        api.patch("/api/v3/memberships/" + membershipId, "{\"_links\":{\"roles\":[{\"href\":\"/api/v3/roles/4\"},"
                + "{\"href\":\"/api/v3/roles/3\"}]}}");
        api.delete("/api/v3/memberships/" + membershipId);

    }
}
