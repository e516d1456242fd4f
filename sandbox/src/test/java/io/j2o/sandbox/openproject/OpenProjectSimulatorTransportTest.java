package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenProjectSimulatorTransportTest {

    private OpenProjectSimulator simulator;
    private SimulatorClient api;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("opapi-secret")).start();
        api = new SimulatorClient(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void bindsLoopbackAndServesTheRoot() {
        assertThat(simulator.baseUrl()).startsWith("http://127.0.0.1:");
        JsonNode root = api.get("/api/v3").json();
        assertThat(root.get("_type").asText()).isEqualTo("Root");
        assertThat(root.at("/_links/user/href").asText()).isEqualTo("/api/v3/users/1");
    }

    @Test
    void unknownPathsAnswer404NotFoundAsJson() {
        SimulatorClient.Reply reply = api.get("/api/v3/no_such_resource");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:NotFound");
    }

    @Test
    void wrongOrMissingCredentialsAre401WithAChallenge() {
        SimulatorClient.Reply wrong = new SimulatorClient(simulator.baseUrl(), "Basic "
                + java.util.Base64.getEncoder().encodeToString("apikey:nope".getBytes())).get("/api/v3/projects");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Basic realm=\"OpenProject API\"");
        assertThat(wrong.json().get("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:Unauthenticated");
        assertThat(wrong.json().get("message").asText()).isEqualTo("You did not provide the correct credentials.");

        SimulatorClient.Reply missing = new SimulatorClient(simulator.baseUrl(), null).get("/api/v3/projects");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("WWW-Authenticate")).startsWith("Bearer realm=");

        SimulatorClient.Reply loginAsUser = new SimulatorClient(simulator.baseUrl(), "Basic "
                + java.util.Base64.getEncoder().encodeToString("admin:opapi-secret".getBytes())).get("/api/v3");
        assertThat(loginAsUser.status()).isEqualTo(401);

        assertThat(new SimulatorClient(simulator.baseUrl(), "Bearer opapi-secret").get("/api/v3").status())
                .isEqualTo(200);
    }

    @Test
    void contentTypeRulesGive406And415And400() {
        SimulatorClient.Reply missing = api.send("/api/v3/projects",
                b -> b.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertThat(missing.status()).isEqualTo(406);
        assertThat(missing.header("Content-Type")).startsWith("text/plain");
        assertThat(missing.raw().body()).isEqualTo("Missing content-type header");

        SimulatorClient.Reply wrong = api.send("/api/v3/projects", b -> b.header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}")));
        assertThat(wrong.status()).isEqualTo(415);
        assertThat(wrong.json().get("errorIdentifier").asText()).endsWith(":TypeNotSupported");

        SimulatorClient.Reply notJson = api.post("/api/v3/projects", "name=x");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("errorIdentifier").asText()).endsWith(":InvalidRequestBody");
        assertThat(simulator.projects()).isEmpty();
    }

    @Test
    void writeCountCountsOnlySuccessfulWrites() {
        api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo\"}");
        api.post("/api/v3/projects", "{\"name\":\"Dup\",\"identifier\":\"demo\"}");
        int id = api.post("/api/v3/projects/demo/work_packages", "{\"subject\":\"a\"}").json().get("id").asInt();
        api.patch("/api/v3/work_packages/" + id, "{\"subject\":\"stale\"}");
        api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"subject\":\"b\"}");
        api.get("/api/v3/work_packages/" + id);
        api.delete("/api/v3/work_packages/999");
        api.delete("/api/v3/work_packages/" + id);

        assertThat(simulator.writeCount()).isEqualTo(4);
    }

    @Test
    void exportHoldsEveryResourceExactlyAsGetReturnsIt() {
        api.post("/api/v3/projects", "{\"name\":\"Demo\",\"identifier\":\"demo\"}");
        int id = api.post("/api/v3/projects/demo/work_packages", "{\"subject\":\"a\",\"customField1\":\"K-1\"}")
                .json().get("id").asInt();
        api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"subject\":\"b\"}");

        ObjectNode state = simulator.exportState();
        assertThat(state.fieldNames()).toIterable().contains("projects", "users", "workPackages", "relations",
                "activities", "timeEntries", "attachments", "types", "statuses", "priorities");
        assertThat(state.get("workPackages")).containsExactly(api.get("/api/v3/work_packages/" + id).json());
        assertThat(state.get("projects")).containsExactly(api.get("/api/v3/projects/demo").json());
        assertThat(state.get("users")).containsExactly(api.get("/api/v3/users/me").json());
        assertThat(state.get("activities")).as("the rename merged into the creation journal").hasSize(1);
        assertThat(state.at("/activities/0")).isEqualTo(api.get("/api/v3/activities/"
                + state.at("/activities/0/id").asInt()).json());
        assertThat(state.get("types")).isEqualTo(api.get("/api/v3/types").json().at("/_embedded/elements"));
        assertThat(state.get("statuses")).isEqualTo(api.get("/api/v3/statuses").json().at("/_embedded/elements"));
        assertThat(state.get("priorities")).isEqualTo(api.get("/api/v3/priorities").json().at("/_embedded/elements"));
        assertThat(simulator.workPackages()).containsExactly((ObjectNode) state.at("/workPackages/0"));
    }

    @Test
    void seedsTheStandardCatalogue() {
        assertThat(names(api.get("/api/v3/types").json())).containsExactly(
                "Task", "Milestone", "Phase", "Feature", "Epic", "User story", "Bug");
        JsonNode statuses = api.get("/api/v3/statuses").json();
        assertThat(names(statuses)).containsExactly("New", "In specification", "Specified", "Confirmed",
                "To be scheduled", "Scheduled", "In progress", "Developed", "In testing", "Tested", "Test failed",
                "Closed", "On hold", "Rejected");
        assertThat(statuses.has("pageSize")).isFalse();
        assertThat(api.get("/api/v3/statuses/12").json().get("isClosed").asBoolean()).isTrue();
        assertThat(api.get("/api/v3/statuses/1").json().get("isDefault").asBoolean()).isTrue();
        assertThat(names(api.get("/api/v3/priorities").json())).containsExactly("Low", "Normal", "High", "Immediate");
        assertThat(api.get("/api/v3/priorities/8").json().get("isDefault").asBoolean()).isTrue();
        assertThat(api.get("/api/v3/types/99").status()).isEqualTo(404);
    }

    @Test
    void injectedFaultsAnswerTheNextMatchingRequestsThenStop() {
        simulator.failNext("/api/v3/statuses", 2, 503);
        SimulatorClient.Reply first = api.get("/api/v3/statuses");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isEqualTo("1");
        assertThat(first.json().get("_type").asText()).isEqualTo("Error");
        assertThat(api.get("/api/v3/types").status()).isEqualTo(200);
        assertThat(api.get("/api/v3/statuses").status()).isEqualTo(503);
        assertThat(api.get("/api/v3/statuses").status()).isEqualTo(200);

        simulator.failNext("PATCH", "/api/v3/work_packages", 1, 409);
        api.post("/api/v3/projects", "{\"name\":\"Demo\"}");
        int id = api.post("/api/v3/projects/demo/work_packages", "{\"subject\":\"a\"}").json().get("id").asInt();
        assertThat(api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"subject\":\"b\"}").status())
                .isEqualTo(409);
        assertThat(simulator.writeCount()).isEqualTo(2);
    }

    @Test
    void randomFaultsHitOnlyTheChosenMethodsAtAboutTheChosenRate() {
        simulator.failRandomly(503, 0.3, "GET");
        simulator.failRandomly(409, 1.0, "PATCH");
        int failed = 0;
        for (int i = 0; i < 400; i++) {
            if (api.get("/api/v3/types").status() == 503) {
                failed++;
            }
        }
        assertThat(failed).isBetween(80, 160);
        assertThat(api.post("/api/v3/projects", "{\"name\":\"Demo\"}").status()).isEqualTo(201);
        int id = api.post("/api/v3/projects/demo/work_packages", "{\"subject\":\"a\"}").json().get("id").asInt();
        assertThat(api.patch("/api/v3/work_packages/" + id, "{\"lockVersion\":0,\"subject\":\"b\"}").status()).isEqualTo(409);

        simulator.clearFaults();
        assertThat(api.get("/api/v3/types").status()).isEqualTo(200);
    }

    @Test
    void latencyDelaysEveryRequest() {
        simulator.setLatency(Duration.ofMillis(150));
        long started = System.nanoTime();
        assertThat(api.get("/api/v3").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    private static List<String> names(JsonNode collection) {
        List<String> names = new ArrayList<>();
        collection.at("/_embedded/elements").forEach(e -> names.add(e.get("name").asText()));
        return names;
    }
}
