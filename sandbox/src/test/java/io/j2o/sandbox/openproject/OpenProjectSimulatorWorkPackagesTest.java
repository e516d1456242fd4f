package io.j2o.sandbox.openproject;

import static io.j2o.sandbox.openproject.SimulatorClient.filters;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenProjectSimulatorWorkPackagesTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private int projectId;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("opapi-test")).start();
        api = new SimulatorClient(simulator);
        projectId = api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo\"}").json()
                .get("id").asInt();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private JsonNode create(String subject, String extraJson) {
        String body = "{\"subject\":\"" + subject + "\"" + extraJson + ",\"_links\":{\"project\":{\"href\":"
                + "\"/api/v3/projects/" + projectId + "\"}}}";
        SimulatorClient.Reply reply = api.post("/api/v3/work_packages", body);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
        return reply.json();
    }

    @Test
    void createReturns201WithDefaultsLinksAndEmbeddedResources() {
        SimulatorClient.Reply reply = api.post("/api/v3/projects/demo/work_packages",
                "{\"subject\":\"KEY-1 Fix login\",\"description\":{\"raw\":\"a <b>\"},\"estimatedTime\":\"PT1H30M\","
                        + "\"customField1\":\"KEY-1\",\"startDate\":\"2024-01-10\",\"dueDate\":\"2024-01-12\"}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Content-Type")).isEqualTo("application/hal+json; charset=utf-8");
        JsonNode wp = reply.json();
        assertThat(wp.get("_type").asText()).isEqualTo("WorkPackage");
        assertThat(wp.get("lockVersion").asInt()).isZero();
        assertThat(wp.get("customField1").asText()).isEqualTo("KEY-1");
        assertThat(wp.get("estimatedTime").asText()).isEqualTo("PT1H30M");
        assertThat(wp.get("duration").asText()).isEqualTo("P3D");
        assertThat(wp.at("/description/format").asText()).isEqualTo("markdown");
        assertThat(wp.at("/description/html").asText()).isEqualTo("<p>a &lt;b&gt;</p>");
        assertThat(wp.at("/_links/type/title").asText()).isEqualTo("Task");
        assertThat(wp.at("/_links/status/href").asText()).isEqualTo("/api/v3/statuses/1");
        assertThat(wp.at("/_links/priority/href").asText()).isEqualTo("/api/v3/priorities/8");
        assertThat(wp.at("/_links/author/href").asText()).isEqualTo("/api/v3/users/1");
        assertThat(wp.at("/_links/assignee/href").isNull()).isTrue();
        assertThat(wp.at("/_links/project/href").asText()).isEqualTo("/api/v3/projects/" + projectId);
        assertThat(wp.at("/_embedded/status/name").asText()).isEqualTo("New");
        assertThat(wp.at("/_embedded/project/identifier").asText()).isEqualTo("demo");
        assertThat(api.get("/api/v3/work_packages/" + wp.get("id").asInt()).json()).isEqualTo(wp);
    }

    @Test
    void offsetIsAPageNumberAndLinksFollowThePages() {
        for (int i = 1; i <= 5; i++) {
            create("WP " + i, "");
        }
        JsonNode second = api.get("/api/v3/work_packages?filters=%5B%5D&pageSize=2&offset=2").json();
        assertThat(second.get("_type").asText()).isEqualTo("WorkPackageCollection");
        assertThat(second.get("total").asInt()).isEqualTo(5);
        assertThat(second.get("count").asInt()).isEqualTo(2);
        assertThat(second.get("offset").asInt()).isEqualTo(2);
        assertThat(subjects(second)).containsExactly("WP 3", "WP 4");
        assertThat(second.at("/_links/nextByOffset/href").asText()).contains("offset=3&pageSize=2");
        assertThat(second.at("/_links/previousByOffset/href").asText()).contains("offset=1&pageSize=2");

        JsonNode last = api.get("/api/v3/work_packages?filters=%5B%5D&pageSize=2&offset=3").json();
        assertThat(last.get("count").asInt()).isEqualTo(1);
        assertThat(last.at("/_links").has("nextByOffset")).isFalse();

        JsonNode first = api.get("/api/v3/projects/" + projectId + "/work_packages").json();
        assertThat(first.get("pageSize").asInt()).isEqualTo(30);
        assertThat(first.at("/_links").has("previousByOffset")).isFalse();
    }

    @Test
    void pageSizeIsCappedAtTheConfiguredMaximumAndMinusOneMeansMaximum() {
        simulator.close();
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("k").withMaxPageSize(3)).start();
        api = new SimulatorClient(simulator);
        projectId = api.post("/api/v3/projects", "{\"name\":\"P\"}").json().get("id").asInt();
        for (int i = 1; i <= 4; i++) {
            create("WP " + i, "");
        }
        assertThat(api.get("/api/v3/work_packages?pageSize=5000").json().get("pageSize").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v3/work_packages?pageSize=-1").json().get("count").asInt()).isEqualTo(3);
        JsonNode empty = api.get("/api/v3/work_packages?pageSize=0").json();
        assertThat(empty.get("count").asInt()).isZero();
        assertThat(empty.get("total").asInt()).isEqualTo(4);
    }

    @Test
    void listingWithoutFiltersHidesClosedWorkPackagesButEmptyFiltersShowThem() {
        create("open one", "");
        int closedId = create("closed one", "").get("id").asInt();
        api.patch("/api/v3/work_packages/" + closedId,
                "{\"lockVersion\":0,\"_links\":{\"status\":{\"href\":\"/api/v3/statuses/12\"}}}");

        JsonNode byDefault = api.get("/api/v3/work_packages").json();
        assertThat(subjects(byDefault)).containsExactly("open one");
        assertThat(byDefault.at("/_links/self/href").asText()).contains(filters("[{\"status\":{\"operator\":\"o\""));
        assertThat(subjects(api.get("/api/v3/work_packages?filters=" + filters("[]")).json()))
                .containsExactly("open one", "closed one");
        assertThat(subjects(api.get("/api/v3/work_packages?filters="
                + filters("[{\"status\":{\"operator\":\"c\",\"values\":[]}}]")).json())).containsExactly("closed one");
        assertThat(subjects(api.get("/api/v3/projects/demo/work_packages").json())).containsExactly("open one");
    }

    @Test
    void findsWorkPackagesByCustomFieldSubjectIdAndProject() {
        create("Alpha login", ",\"customField1\":\"KEY-1\"");
        JsonNode beta = create("Beta logout", ",\"customField1\":\"KEY-2\"");

        assertThat(subjects(query("[{\"customField1\":{\"operator\":\"=\",\"values\":[\"KEY-2\"]}}]")))
                .containsExactly("Beta logout");
        assertThat(subjects(query("[{\"subject\":{\"operator\":\"~\",\"values\":[\"LOG\"]}}]")))
                .containsExactly("Alpha login", "Beta logout");
        assertThat(subjects(query("[{\"id\":{\"operator\":\"=\",\"values\":[\"" + beta.get("id").asInt() + "\"]}}]")))
                .containsExactly("Beta logout");
        assertThat(subjects(query("[{\"project\":{\"operator\":\"=\",\"values\":[\"999\"]}}]"))).isEmpty();
        SimulatorClient.Reply bad = api.get("/api/v3/work_packages?filters=" + filters("[{\"nope\":{}}]"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errorIdentifier").asText()).endsWith(":InvalidQuery");
    }

    @Test
    void patchWithoutOrWithStaleLockVersionIsAConflict() {
        int id = create("Subject", "").get("id").asInt();

        SimulatorClient.Reply missing = api.patch("/api/v3/work_packages/" + id, "{\"subject\":\"x\"}");
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:UpdateConflict");

        JsonNode first = api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"subject\":\"Renamed\"}").json();
        assertThat(first.get("lockVersion").asInt()).isEqualTo(1);
        assertThat(first.get("updatedAt").asText()).isGreaterThan(first.get("createdAt").asText());

        SimulatorClient.Reply stale = api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"subject\":\"y\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v3/work_packages/" + id).json().get("subject").asText()).isEqualTo("Renamed");
    }

    @Test
    void successfulPatchUpdatesWritableFieldsAndJournalsTheChange() {
        int id = create("Subject", "").get("id").asInt();
        JsonNode updated = api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"customField1\":\"KEY-9\","
                + "\"description\":{\"raw\":\"new\"},\"_links\":{\"type\":{\"href\":\"/api/v3/types/7\"},"
                + "\"priority\":{\"href\":\"/api/v3/priorities/9\"},\"assignee\":{\"href\":\"/api/v3/users/1\"}}}")
                .json();
        assertThat(updated.at("/_links/type/title").asText()).isEqualTo("Bug");
        assertThat(updated.at("/_links/priority/title").asText()).isEqualTo("High");
        assertThat(updated.at("/_links/assignee/href").asText()).isEqualTo("/api/v3/users/1");
        assertThat(updated.get("customField1").asText()).isEqualTo("KEY-9");

        JsonNode activities = api.get("/api/v3/work_packages/" + id + "/activities").json();
        assertThat(activities.get("total").asInt()).as("merged into the creation journal: same user, same minute")
                .isEqualTo(1);
        List<String> details = new ArrayList<>();
        activities.at("/_embedded/elements/0/details").forEach(d -> details.add(d.get("raw").asText()));
        assertThat(details).contains("Type changed from Task to Bug", "Jira key set to KEY-9");
    }

    @Test
    void blankSubjectIs422WithTheAttributeAndSeveralErrorsAreMultipleErrors() {
        SimulatorClient.Reply blank = api.post("/api/v3/projects/demo/work_packages", "{\"subject\":\"  \"}");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:PropertyConstraintViolation");
        assertThat(blank.json().at("/_embedded/details/attribute").asText()).isEqualTo("subject");

        SimulatorClient.Reply several = api.post("/api/v3/projects/demo/work_packages",
                "{\"subject\":\"\",\"_links\":{\"status\":{\"href\":\"/api/v3/types/1\"}}}");
        assertThat(several.status()).isEqualTo(422);
        JsonNode body = several.json();
        assertThat(body.get("errorIdentifier").asText()).endsWith(":MultipleErrors");
        assertThat(body.at("/_embedded/errors/0/errorIdentifier").asText()).endsWith(":ResourceTypeMismatch");
        assertThat(body.at("/_embedded/errors/0/_embedded/details/attribute").asText()).isEqualTo("status");
        assertThat(body.at("/_embedded/errors/1/_embedded/details/attribute").asText()).isEqualTo("subject");
    }

    @Test
    void missingProjectAndUnknownLinkTargetsAreRejected() {
        SimulatorClient.Reply noProject = api.post("/api/v3/work_packages", "{\"subject\":\"x\"}");
        assertThat(noProject.status()).isEqualTo(422);
        assertThat(noProject.json().at("/_embedded/details/attribute").asText()).isEqualTo("project");

        SimulatorClient.Reply unknownStatus = api.post("/api/v3/projects/demo/work_packages",
                "{\"subject\":\"x\",\"_links\":{\"status\":{\"href\":\"/api/v3/statuses/99\"}}}");
        assertThat(unknownStatus.status()).isEqualTo(422);
        assertThat(unknownStatus.json().at("/_embedded/details/attribute").asText()).isEqualTo("status");
    }

    @Test
    void readOnlyAttributesAreRejectedUnlessTheSettingAllowsThemOnCreate() {
        SimulatorClient.Reply reply = api.post("/api/v3/projects/demo/work_packages",
                "{\"subject\":\"x\",\"createdAt\":\"2020-01-01T00:00:00.000Z\"}");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("errorIdentifier").asText()).endsWith(":PropertyIsReadOnly");
        assertThat(reply.json().at("/_embedded/details/attribute").asText()).isEqualTo("createdAt");

        simulator.close();
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("k")
                .withWriteReadonlyAttributes(true)).start();
        api = new SimulatorClient(simulator);
        api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo\"}");
        JsonNode created = api.post("/api/v3/projects/demo/work_packages",
                "{\"subject\":\"x\",\"createdAt\":\"2020-01-01T00:00:00.000Z\"}").json();
        assertThat(created.get("createdAt").asText()).isEqualTo("2020-01-01T00:00:00.000Z");
    }

    @Test
    void deleteRemovesTheWorkPackageAndUnknownIdsAre404() {
        int id = create("Doomed", "").get("id").asInt();
        assertThat(api.delete("/api/v3/work_packages/" + id).status()).isEqualTo(204);
        SimulatorClient.Reply gone = api.get("/api/v3/work_packages/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:NotFound");
        assertThat(api.delete("/api/v3/work_packages/" + id).status()).isEqualTo(404);
    }

    @Test
    void parentLinksBuildTheHierarchyAndRejectCycles() {
        int parent = create("Parent", "").get("id").asInt();
        JsonNode child = create("Child", "");
        api.patch("/api/v3/work_packages/" + child.get("id").asInt(), "{\"lockVersion\":0,\"_links\":{\"parent\":"
                + "{\"href\":\"/api/v3/work_packages/" + parent + "\"}}}");
        JsonNode parentNow = api.get("/api/v3/work_packages/" + parent).json();
        assertThat(parentNow.at("/_links/children/0/href").asText())
                .isEqualTo("/api/v3/work_packages/" + child.get("id").asInt());

        SimulatorClient.Reply cycle = api.patch("/api/v3/work_packages/" + parent, "{\"lockVersion\":0,\"_links\":"
                + "{\"parent\":{\"href\":\"/api/v3/work_packages/" + child.get("id").asInt() + "\"}}}");
        assertThat(cycle.status()).isEqualTo(422);
        assertThat(cycle.json().at("/_embedded/details/attribute").asText()).isEqualTo("parent");
    }

    private JsonNode query(String filtersJson) {
        return api.get("/api/v3/work_packages?filters=" + filters(filtersJson)).json();
    }

    private static List<String> subjects(JsonNode collection) {
        List<String> subjects = new ArrayList<>();
        collection.at("/_embedded/elements").forEach(e -> subjects.add(e.get("subject").asText()));
        return subjects;
    }
}
