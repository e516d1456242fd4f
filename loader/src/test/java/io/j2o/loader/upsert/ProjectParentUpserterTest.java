package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project command naming its parent by identifier ({@code mapping.projects.parent}), against the simulator. */
class ProjectParentUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private Upserter projects;
    private String engineering;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("parents")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        projects = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.PROJECT);
        engineering = client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "engineering")
                .put("name", "Engineering")).path("_links").path("self").path("href").asText();
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void parentNamedByIdentifierIsLinkedByItsNumericHrefAndAReplayWritesNothing() {
        UpsertOutcome created = projects.upsert(project("alpha", "engineering"), Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome again = projects.upsert(project("alpha", "engineering"), Optional.empty());

        assertThat(created.after().path("_links").path("parent").path("href").asText()).isEqualTo(engineering);
        assertThat(again.wrote()).as("the resolved parent is the one OpenProject renders").isFalse();
        assertThat(openProject.writeCount()).isEqualTo(writes);
    }

    @Test
    void existingTopLevelProjectMovesUnderItsConfiguredParent() {
        projects.upsert(project("alpha", null), Optional.empty());

        UpsertOutcome moved = projects.upsert(project("alpha", "engineering"), Optional.empty());

        assertThat(moved.wrote()).isTrue();
        assertThat(moved.after().path("_links").path("parent").path("href").asText()).isEqualTo(engineering);
    }

    @Test
    void missingParentIsRefusedWithTheReasonAndNothingIsCreated() {
        long writes = openProject.writeCount();

        assertThatThrownBy(() -> projects.upsert(project("alpha", "no-such-parent"), Optional.empty()))
                .isInstanceOf(OpenProjectException.ValidationFailed.class)
                .hasMessageContaining("'no-such-parent'").hasMessageContaining("mapping.projects.parent")
                .satisfies(e -> assertThat(((OpenProjectException.ValidationFailed) e).attribute()).isEqualTo("parent"));
        assertThat(openProject.writeCount()).isEqualTo(writes);
        assertThat(openProject.projects()).hasSize(1);
    }

    private static ObjectNode project(String identifier, String parent) {
        ObjectNode body = JSON.createObjectNode().put("identifier", identifier).put("name", identifier.toUpperCase());
        body.putObject("description").put("raw", "");
        if (parent != null) {
            body.putObject("_links").putObject("parent").put("href", "/api/v3/projects/" + parent);
        }
        return body;
    }
}
