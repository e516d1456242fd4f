package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenProject simulator: people, version, dates and work travel with a work package, and nulls clear. */
class WorkPackageUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private Upserter workPackages;
    private String project;
    private String user;
    private String version;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("wp")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        workPackages = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.WORK_PACKAGE);
        project = href(client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "A")));
        user = href(client.post("/api/v3/users", JSON.createObjectNode().put("login", "ann").put("email", "ann@example.com")
                .put("firstName", "Ann").put("lastName", "Lee").put("status", "invited")));
        ObjectNode versionBody = JSON.createObjectNode().put("name", "1.0");
        versionBody.putObject("_links").putObject("definingProject").put("href", project);
        version = href(client.post("/api/v3/versions", versionBody));
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void assigneeResponsibleVersionDatesAndWorkAreWrittenOnceAndClearedByNull() {
        UpsertOutcome created = workPackages.upsert(issue(user, version, "2024-06-30", "PT2.5H", "PT0.75H"), Optional.empty());
        long writes = openProject.writeCount();
        UpsertOutcome again = workPackages.upsert(issue(user, version, "2024-06-30", "PT2.5H", "PT0.75H"), Optional.empty());
        UpsertOutcome cleared = workPackages.upsert(issue(null, null, null, null, null), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(created.after().at("/_links/assignee/href").asText()).isEqualTo(user);
        assertThat(created.after().at("/_links/responsible/href").asText()).isEqualTo(user);
        assertThat(created.after().at("/_links/version/href").asText()).isEqualTo(version);
        assertThat(created.after().path("dueDate").asText()).isEqualTo("2024-06-30");
        assertThat(created.after().path("estimatedTime").asText()).isEqualTo("PT2H30M");
        assertThat(created.after().path("remainingTime").asText()).isEqualTo("PT0H45M");
        assertThat(again.wrote()).as("PT2.5H is what OpenProject renders as PT2H30M").isFalse();
        assertThat(cleared.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(openProject.writeCount()).isEqualTo(writes + 1);
        for (String cleaned : new String[] {"/_links/assignee/href", "/_links/responsible/href", "/_links/version/href",
                "/dueDate", "/estimatedTime", "/remainingTime"}) {
            assertThat(cleared.after().at(cleaned).isNull()).as(cleaned).isTrue();
        }
    }

    @Test
    void unknownAssigneeIsRefusedAsOpenProjectRefusesIt() {
        ObjectNode unknownAssignee = issue("/api/v3/users/999", null, null, null, null);
        ((ObjectNode) unknownAssignee.at("/_links/responsible")).putNull("href");

        assertThatThrownBy(() -> workPackages.upsert(unknownAssignee, Optional.empty()))
                .isInstanceOf(OpenProjectException.ValidationFailed.class)
                .satisfies(e -> assertThat(((OpenProjectException.ValidationFailed) e).attribute()).isEqualTo("assignee"));
    }

    private ObjectNode issue(String person, String fixVersion, String due, String estimate, String remaining) {
        ObjectNode body = JSON.createObjectNode().put("subject", "Fix login").put("customField1", "ALPHA-1")
                .put("dueDate", due).put("estimatedTime", estimate).put("remainingTime", remaining);
        ObjectNode links = body.putObject("_links");
        links.putObject("project").put("href", project);
        links.putObject("assignee").put("href", person);
        links.putObject("responsible").put("href", person);
        links.putObject("version").put("href", fixVersion);
        return body;
    }

    private static String href(com.fasterxml.jackson.databind.JsonNode resource) {
        return resource.path("_links").path("self").path("href").asText();
    }
}
