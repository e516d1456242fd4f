package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenProject simulator: a group is found by name before it is created, and its members follow Jira's. */
class GroupUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private Upserter groups;
    private String ann;
    private String bo;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("groups")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        groups = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.GROUP);
        ann = user("ann");
        bo = user("bo");
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void groupIsCreatedOnceAndTheSameMembersInAnotherOrderWriteNothing() {
        UpsertOutcome created = groups.upsert(group("jira-developers", ann, bo), Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome again = groups.upsert(group("jira-developers", bo, ann), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(created.href()).startsWith("/api/v3/groups/");
        assertThat(again.wrote()).isFalse();
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(openProject.writeCount()).isEqualTo(writes);
        assertThat(openProject.groups()).hasSize(1);
    }

    @Test
    void memberRemovedInJiraLeavesTheGroupAndANewOneJoins() {
        groups.upsert(group("jira-developers", ann), Optional.empty());
        String cy = user("cy");

        UpsertOutcome updated = groups.upsert(group("jira-developers", bo, cy), Optional.empty());

        assertThat(updated.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(openProject.groups().get(0).path("_links").path("members").findValuesAsText("href"))
                .containsExactly(bo, cy);
    }

    @Test
    void existingGroupOfTheSameNameIsAdoptedInsteadOfRefusedAsADuplicate() {
        client.post("/api/v3/groups", JSON.createObjectNode().put("name", "Jira-Developers"));

        UpsertOutcome adopted = groups.upsert(group("jira-developers", ann), Optional.empty());

        assertThat(adopted.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(openProject.groups()).hasSize(1);
        assertThat(openProject.groups().get(0).path("name").asText()).isEqualTo("jira-developers");
    }

    @Test
    void emptyJiraGroupEmptiesItsOpenProjectGroup() {
        groups.upsert(group("jira-developers", ann, bo), Optional.empty());

        groups.upsert(group("jira-developers"), Optional.empty());

        assertThat(openProject.groups().get(0).path("_links").path("members").size()).isZero();
    }

    private String user(String login) {
        return client.post("/api/v3/users", JSON.createObjectNode().put("login", login).put("email", login + "@example.com")
                .put("firstName", login).put("lastName", "Lee").put("status", "invited")).path("_links").path("self")
                .path("href").asText();
    }

    private static ObjectNode group(String name, String... members) {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        ArrayNode links = body.putObject("_links").putArray("members");
        for (String member : members) {
            links.addObject().put("href", member);
        }
        return body;
    }
}
