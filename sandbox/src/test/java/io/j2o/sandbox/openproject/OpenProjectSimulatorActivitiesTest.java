package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenProjectSimulatorActivitiesTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private int workPackageId;

    @BeforeEach
    void start() {
        start(new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("opapi-test")).start());
    }

    private void start(OpenProjectSimulator started) {
        simulator = started;
        api = new SimulatorClient(simulator);
        api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo\"}");
        workPackageId = api.post("/api/v3/projects/demo/work_packages", "{\"subject\":\"Commented\"}").json()
                .get("id").asInt();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void commentIsCreatedAsTheApiUserNowAndListedAfterTheCreationJournalWhenJournalsAreNotAggregated() {
        simulator.close();
        start(new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("opapi-test")
                .withJournalAggregation(Duration.ZERO)).start());
        Instant before = Instant.now().minusMillis(1);
        SimulatorClient.Reply reply = api.post("/api/v3/work_packages/" + workPackageId + "/activities?notify=false",
                "{\"comment\":{\"raw\":\"*By Ann in Jira*\\n\\nHello\\n\\n<!-- j2o:comment:7 -->\"}}");

        assertThat(reply.status()).isEqualTo(201);
        JsonNode comment = reply.json();
        assertThat(comment.get("_type").asText()).isEqualTo("Activity::Comment");
        assertThat(comment.at("/comment/raw").asText()).endsWith("<!-- j2o:comment:7 -->");
        assertThat(comment.at("/comment/html").asText()).as("the marker is invisible once rendered")
                .doesNotContain("j2o:comment").contains("Hello");
        assertThat(comment.at("/_links/user/href").asText()).isEqualTo("/api/v3/users/1");
        assertThat(comment.at("/_links/workPackage/href").asText()).isEqualTo("/api/v3/work_packages/" + workPackageId);
        assertThat(Instant.parse(comment.get("createdAt").asText())).isAfter(before);
        assertThat(comment.get("version").asInt()).isEqualTo(2);

        JsonNode list = api.get("/api/v3/work_packages/" + workPackageId + "/activities").json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.at("/_embedded/elements/0/_type").asText()).isEqualTo("Activity");
        assertThat(list.at("/_embedded/elements/1")).isEqualTo(comment);
        assertThat(api.get("/api/v3/activities/" + comment.get("id").asInt()).json()).isEqualTo(comment);
    }

    @Test
    void commentByTheSameUserWithinFiveMinutesIsMergedIntoTheCreationJournalAndAChangeAfterItIntoTheComment() {
        JsonNode comment = api.post("/api/v3/work_packages/" + workPackageId + "/activities",
                "{\"comment\":{\"raw\":\"Hello\"}}").json();
        api.patch("/api/v3/work_packages/" + workPackageId, "{\"lockVersion\":0,\"subject\":\"Renamed\"}");

        JsonNode list = api.get("/api/v3/work_packages/" + workPackageId + "/activities").json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        JsonNode merged = list.at("/_embedded/elements/0");
        assertThat(comment.get("version").asInt()).isEqualTo(1);
        assertThat(merged.get("id")).isEqualTo(comment.get("id"));
        assertThat(merged.get("_type").asText()).isEqualTo("Activity::Comment");
        assertThat(merged.at("/comment/raw").asText()).isEqualTo("Hello");
        assertThat(merged.at("/details/0/raw").asText()).contains("Renamed");
    }

    @Test
    void twoCommentsInARowStayTwoJournals() {
        api.post("/api/v3/work_packages/" + workPackageId + "/activities", "{\"comment\":{\"raw\":\"one\"}}");
        api.post("/api/v3/work_packages/" + workPackageId + "/activities", "{\"comment\":{\"raw\":\"two\"}}");

        JsonNode list = api.get("/api/v3/work_packages/" + workPackageId + "/activities").json();
        assertThat(list.get("total").asInt()).isEqualTo(2);
        assertThat(list.at("/_embedded/elements/0/comment/raw").asText()).isEqualTo("one");
        assertThat(list.at("/_embedded/elements/1/comment/raw").asText()).isEqualTo("two");
    }

    @Test
    void aJournalLaterThanTheAggregationTimeAfterTheLastChangeIsANewOne() throws Exception {
        simulator.close();
        start(new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("opapi-test")
                .withJournalAggregation(Duration.ofMillis(100))).start());
        Thread.sleep(250);

        JsonNode comment = api.post("/api/v3/work_packages/" + workPackageId + "/activities",
                "{\"comment\":{\"raw\":\"later\"}}").json();

        assertThat(comment.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void patchReplacesTheCommentTextKeepsAuthorAndCreationTimeAndCountsAsAWrite() {
        JsonNode comment = api.post("/api/v3/work_packages/" + workPackageId + "/activities",
                "{\"comment\":{\"raw\":\"first\"}}").json();
        long writes = simulator.writeCount();

        SimulatorClient.Reply reply = api.patch("/api/v3/activities/" + comment.get("id").asInt(),
                "{\"comment\":{\"raw\":\"second\"}}");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode edited = reply.json();
        assertThat(edited.at("/comment/raw").asText()).isEqualTo("second");
        assertThat(edited.get("createdAt")).isEqualTo(comment.get("createdAt"));
        assertThat(edited.get("updatedAt").asText()).isGreaterThan(comment.get("updatedAt").asText());
        assertThat(edited.at("/_links/user")).isEqualTo(comment.at("/_links/user"));
        assertThat(simulator.writeCount() - writes).isEqualTo(1);
        assertThat(simulator.exportState().get("activities")).contains(edited);
    }

    @Test
    void blankCommentIs422AndUnknownWorkPackageOrActivityIs404() {
        SimulatorClient.Reply blank = api.post("/api/v3/work_packages/" + workPackageId + "/activities",
                "{\"comment\":{\"raw\":\" \"}}");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().at("/_embedded/details/attribute").asText()).isEqualTo("comment");

        assertThat(api.post("/api/v3/work_packages/999/activities", "{\"comment\":{\"raw\":\"x\"}}").status()).isEqualTo(404);
        assertThat(api.patch("/api/v3/activities/999", "{\"comment\":{\"raw\":\"x\"}}").status()).isEqualTo(404);
        assertThat(api.get("/api/v3/activities/999").status()).isEqualTo(404);
    }

    @Test
    void commentsCannotBeDeletedThroughTheApi() {
        int id = api.post("/api/v3/work_packages/" + workPackageId + "/activities", "{\"comment\":{\"raw\":\"x\"}}")
                .json().get("id").asInt();

        assertThat(api.delete("/api/v3/activities/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/v3/activities/" + id).status()).isEqualTo(200);
    }
}
