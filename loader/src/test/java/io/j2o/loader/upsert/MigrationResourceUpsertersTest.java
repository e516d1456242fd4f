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
import io.j2o.schemas.markers.TextMarker;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenProject simulator on loopback: each kind is found before it is created, and written once. */
class MigrationResourceUpsertersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private Upserters upserters;
    private String project;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("resources")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        upserters = Upserters.forOpenProject(client, "customField1");
        project = client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "Alpha"))
                .path("_links").path("self").path("href").asText();
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void userIsInvitedOnceFoundByEmailWhenTheLoginDiffersAndKeepsItsLoginEmailAndStatus() throws Exception {
        Upserter users = upserters.byKind().get(CommandKind.USER);
        UpsertOutcome created = users.upsert(body("""
                {"login":"ann","email":"Ann@Example.com","firstName":"Ann","lastName":"Lee","status":"invited"}"""), Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome again = users.upsert(body("""
                {"login":"ann","email":"ann@example.com","firstName":"Ann","lastName":"Lee","status":"invited"}"""), Optional.empty());
        UpsertOutcome renamed = users.upsert(body("""
                {"login":"alee","email":"ann@example.com","firstName":"Anne","lastName":"Lee","status":"active"}"""), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(again.wrote()).isFalse();
        assertThat(openProject.writeCount()).isEqualTo(writes + 1);
        assertThat(renamed.id()).isEqualTo(created.id());
        assertThat(renamed.after().path("firstName").asText()).isEqualTo("Anne");
        assertThat(renamed.after().path("login").asText()).isEqualTo("ann");
        assertThat(renamed.after().path("status").asText()).isEqualTo("invited");
    }

    @Test
    void fallbackUserThatDoesNotExistIsNotFoundAndNothingIsCreated() {
        Upserter users = upserters.byKind().get(CommandKind.USER);
        long writes = openProject.writeCount();

        assertThatThrownBy(() -> users.upsert(body("{\"login\":\"migration-bot\"}"), Optional.empty()))
                .isInstanceOf(OpenProjectException.NotFound.class).hasMessageContaining("migration-bot");
        assertThat(users.upsert(body("{\"login\":\"admin\"}"), Optional.empty()).id()).isEqualTo(1);
        assertThat(openProject.writeCount()).isEqualTo(writes);
    }

    @Test
    void versionIsFoundByNameInItsProjectAndUpdatedInPlace() throws Exception {
        Upserter versions = upserters.byKind().get(CommandKind.VERSION);
        String open = """
                {"name":"1.0","description":{"raw":"first"},"startDate":null,"endDate":"2024-02-01","status":"open",
                 "sharing":"none","_links":{"definingProject":{"href":"%s"}}}""".formatted(project);
        UpsertOutcome created = versions.upsert(body(open), Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome same = versions.upsert(body(open), Optional.empty());
        UpsertOutcome closed = versions.upsert(body(open.replace("\"open\"", "\"closed\"")), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(same.wrote()).isFalse();
        assertThat(closed.id()).isEqualTo(created.id());
        assertThat(closed.after().path("status").asText()).isEqualTo("closed");
        assertThat(openProject.writeCount()).isEqualTo(writes + 1);
        assertThat(openProject.versions()).hasSize(1);
    }

    @Test
    void relationIsFoundFromEitherEndAndASecondTypeForThePairIsRefusedWithTheHolderNamed() throws Exception {
        Upserter relations = upserters.byKind().get(CommandKind.RELATION);
        String a = workPackage("A-1");
        String b = workPackage("A-2");
        String precedes = relation(a, b, "precedes");
        UpsertOutcome created = relations.upsert(body(precedes), Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome again = relations.upsert(body(precedes), Optional.empty());
        UpsertOutcome reverse = relations.upsert(body(relation(b, a, "follows")), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(again.wrote()).as("stored as B follows A, still found").isFalse();
        assertThat(reverse.id()).isEqualTo(created.id());
        assertThat(openProject.writeCount()).isEqualTo(writes);
        assertThatThrownBy(() -> relations.upsert(body(relation(a, b, "blocks")), Optional.empty()))
                .isInstanceOf(OpenProjectException.ValidationFailed.class).hasMessageContaining(created.href());
        assertThat(relations.delete("A-1", body(precedes), Optional.empty())).map(UpsertOutcome::action)
                .contains(JournalAction.DELETED);
        assertThat(openProject.relations()).isEmpty();
    }

    @Test
    void timeEntryOfAnotherUserIsFoundByItsMarkerAndDeleted() throws Exception {
        Upserter entries = upserters.byKind().get(CommandKind.TIME_ENTRY);
        String wp = workPackage("A-1");
        String user = client.post("/api/v3/users", body("""
                {"login":"bob","email":"bob@example.com","firstName":"Bob","lastName":"Ray","status":"invited"}"""))
                .path("_links").path("self").path("href").asText();
        String logged = """
                {"hours":"PT1.5H","spentOn":"2024-05-01","comment":{"raw":"%s"},
                 "_links":{"workPackage":{"href":"%s"},"user":{"href":"%s"}}}"""
                .formatted(TextMarker.WORKLOG.append("Reviewed", "77").replace("\n", "\\n"), wp, user);
        UpsertOutcome created = entries.upsert(body(logged), Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome again = entries.upsert(body(logged), Optional.empty());
        String removal = """
                {"comment":{"raw":"%s"},"_links":{"workPackage":{"href":"%s"}}}""".formatted(TextMarker.WORKLOG.of("77"), wp);
        Optional<UpsertOutcome> deleted = entries.delete("A-1", body(removal), Optional.empty());

        assertThat(created.after().at("/_links/user/href").asText()).isEqualTo(user);
        assertThat(again.wrote()).as("PT1.5H is PT1H30M").isFalse();
        assertThat(deleted).map(UpsertOutcome::id).contains(created.id());
        assertThat(openProject.writeCount()).isEqualTo(writes + 1);
        assertThat(openProject.timeEntries()).isEmpty();
    }

    @Test
    void existingMembershipGainsOurRoleAndKeepsItsOwn() throws Exception {
        Upserter memberships = upserters.byKind().get(CommandKind.MEMBERSHIP);
        String membership = """
                {"_links":{"project":{"href":"%s"},"principal":{"href":"/api/v3/users/1"},"roles":[{"href":"%s"}]}}""";
        client.post("/api/v3/memberships", body(membership.formatted(project, "/api/v3/roles/3")));

        UpsertOutcome joined = memberships.upsert(body(membership.formatted(project, "/api/v3/roles/4")), Optional.empty());
        long writes = openProject.writeCount();
        UpsertOutcome again = memberships.upsert(body(membership.formatted(project, "/api/v3/roles/4")), Optional.empty());

        assertThat(joined.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(joined.after().path("_links").path("roles").findValuesAsText("href"))
                .containsExactlyInAnyOrder("/api/v3/roles/3", "/api/v3/roles/4");
        assertThat(again.wrote()).isFalse();
        assertThat(openProject.writeCount()).isEqualTo(writes);
        assertThat(openProject.memberships()).hasSize(1);
    }

    private String workPackage(String jiraKey) {
        ObjectNode body = JSON.createObjectNode().put("subject", jiraKey).put("customField1", jiraKey);
        body.putObject("_links").putObject("project").put("href", project);
        return client.post("/api/v3/work_packages", body).path("_links").path("self").path("href").asText();
    }

    private static String relation(String from, String to, String type) {
        return """
                {"type":"%s","description":null,"_links":{"from":{"href":"%s"},"to":{"href":"%s"}}}""".formatted(type, from, to);
    }

    private static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
