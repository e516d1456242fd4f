package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against the OpenProject simulator: the memberships an issue's people need and those a Jira project role gives come
 * under different command keys and converge on the one membership OpenProject keeps per project and principal.
 */
class MembershipUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEMBER = "/api/v3/roles/4";
    private static final String PROJECT_ADMIN = "/api/v3/roles/3";

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private Upserter memberships;
    private String project;
    private String ann;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("memberships")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        memberships = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.MEMBERSHIP);
        project = create("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "Alpha"));
        ann = create("/api/v3/users", JSON.createObjectNode().put("login", "ann").put("email", "ann@example.com")
                .put("firstName", "Ann").put("lastName", "Lee").put("status", "invited"));
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void twoCommandKeysForOneProjectAndUserEndInOneMembershipHoldingBothRoles() {
        UpsertOutcome fromIssue = memberships.upsert(membership(ann, MEMBER), Optional.empty());
        UpsertOutcome fromRole = memberships.upsert(membership(ann, PROJECT_ADMIN), Optional.empty());
        long writes = openProject.writeCount();
        // Each key replayed with its own mapping: nothing is taken away, nothing written.
        UpsertOutcome issueAgain = memberships.upsert(membership(ann, MEMBER), Optional.of(mapping(fromIssue)));
        UpsertOutcome roleAgain = memberships.upsert(membership(ann, PROJECT_ADMIN), Optional.of(mapping(fromRole)));

        assertThat(fromIssue.action()).isEqualTo(JournalAction.CREATED);
        assertThat(fromRole.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(fromRole.href()).isEqualTo(fromIssue.href());
        assertThat(issueAgain.wrote()).isFalse();
        assertThat(roleAgain.wrote()).isFalse();
        assertThat(openProject.writeCount()).isEqualTo(writes);
        assertThat(openProject.memberships()).singleElement().satisfies(m ->
                assertThat(m.at("/_links/roles").findValuesAsText("href")).containsExactlyInAnyOrder(MEMBER, PROJECT_ADMIN));
    }

    @Test
    void groupIsAPrincipalFoundAgainByProjectAndGroup() {
        String developers = create("/api/v3/groups", JSON.createObjectNode().put("name", "alpha-developers"));

        UpsertOutcome created = memberships.upsert(membership(developers, MEMBER), Optional.empty());
        UpsertOutcome again = memberships.upsert(membership(developers, MEMBER), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(again.wrote()).isFalse();
        assertThat(openProject.memberships()).singleElement()
                .satisfies(m -> assertThat(m.at("/_links/principal/href").asText()).isEqualTo(developers));
    }

    @Test
    void commandsForOnePairRunningAtOnceLoseNoRole() throws Exception {
        List<String> roles = List.of(MEMBER, PROJECT_ADMIN, "/api/v3/roles/5");
        ExecutorService pool = Executors.newFixedThreadPool(roles.size());
        try {
            List<Callable<UpsertOutcome>> tasks = new ArrayList<>();
            roles.forEach(role -> tasks.add(() -> memberships.upsert(membership(ann, role), Optional.empty())));
            for (Future<UpsertOutcome> outcome : pool.invokeAll(tasks)) {
                outcome.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(openProject.memberships()).singleElement().satisfies(m ->
                assertThat(m.at("/_links/roles").findValuesAsText("href")).containsExactlyInAnyOrderElementsOf(roles));
    }

    private ObjectNode membership(String principal, String role) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode links = body.putObject("_links");
        links.putObject("project").put("href", project);
        links.putObject("principal").put("href", principal);
        links.putArray("roles").addObject().put("href", role);
        body.putObject("_meta").put("sendNotification", false);
        return body;
    }

    private String create(String path, ObjectNode body) {
        return client.post(path, body).path("_links").path("self").path("href").asText();
    }

    private static Mapping mapping(UpsertOutcome outcome) {
        return Mapping.newBuilder().setKind("MEMBERSHIP").setJiraId("x").setOpenProjectId(outcome.id())
                .setHref(outcome.href()).setAppliedChecksum("c").setCommandId("c").setUpdatedAt(Instant.EPOCH).build();
    }
}
