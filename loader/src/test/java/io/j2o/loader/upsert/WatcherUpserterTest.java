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
import io.j2o.schemas.avro.Mapping;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenProject simulator: a watcher is found in its work package's watcher list before it is added. */
class WatcherUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private Upserter watchers;
    private OpenProjectClient client;
    private String workPackage;
    private String member;
    private String outsider;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("watchers")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        watchers = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.WATCHER);
        String project = href(client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "Alpha")));
        member = user("ann");
        outsider = user("bob");
        ObjectNode membership = JSON.createObjectNode();
        ObjectNode links = membership.putObject("_links");
        links.putObject("project").put("href", project);
        links.putObject("principal").put("href", member);
        links.putArray("roles").addObject().put("href", "/api/v3/roles/4");
        client.post("/api/v3/memberships", membership);
        ObjectNode wp = JSON.createObjectNode().put("subject", "Watched");
        wp.putObject("_links").putObject("project").put("href", project);
        workPackage = href(client.post("/api/v3/work_packages", wp));
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void aMemberIsAddedOnceAndTheMappingNamesTheWatcherByItsRemovalPath() {
        long writes = openProject.writeCount();

        UpsertOutcome added = watchers.upsert(body(workPackage, member), Optional.empty());
        UpsertOutcome again = watchers.upsert(body(workPackage, member), Optional.empty());

        assertThat(added.action()).isEqualTo(JournalAction.CREATED);
        String userId = member.substring(member.lastIndexOf('/') + 1);
        assertThat(added.href()).isEqualTo(workPackage + "/watchers/" + userId);
        assertThat(added.id()).isEqualTo(Long.parseLong(userId));
        assertThat(again.wrote()).isFalse();
        assertThat(openProject.writeCount()).isEqualTo(writes + 1);
        assertThat(openProject.watchers()).singleElement()
                .satisfies(w -> assertThat(w.at("/_links/user/href").asText()).isEqualTo(member));
    }

    @Test
    void aUserWhoMayNotWatchIsAValidationFailure() {
        assertThatThrownBy(() -> watchers.upsert(body(workPackage, outsider), Optional.empty()))
                .isInstanceOf(OpenProjectException.ValidationFailed.class);
        assertThat(openProject.watchers()).isEmpty();
    }

    @Test
    void aWatcherIsRemovedByItsBodyOrByItsMappingAndRemovingTwiceDeletesNothing() {
        UpsertOutcome added = watchers.upsert(body(workPackage, member), Optional.empty());

        Optional<UpsertOutcome> removed = watchers.delete("CL-1", body(workPackage, member), Optional.empty());
        Optional<UpsertOutcome> again = watchers.delete("CL-1", body(workPackage, member), Optional.empty());

        assertThat(removed).get().satisfies(outcome -> assertThat(outcome.action()).isEqualTo(JournalAction.DELETED));
        assertThat(again).isEmpty();
        assertThat(openProject.watchers()).isEmpty();

        watchers.upsert(body(workPackage, member), Optional.empty());
        assertThat(watchers.delete("CL-1", null, Optional.of(mapping(added.href())))).isPresent();
        assertThat(openProject.watchers()).isEmpty();
        assertThat(openProject.users()).as("the user stays").hasSize(3);
    }

    @Test
    void aWatcherOfAWorkPackageThatIsGoneIsNotFoundAndItsRemovalDeletesNothing() {
        client.delete(workPackage);

        assertThatThrownBy(() -> watchers.upsert(body(workPackage, member), Optional.empty()))
                .isInstanceOf(OpenProjectException.NotFound.class);
        assertThat(watchers.delete("CL-1", body(workPackage, member), Optional.empty())).isEmpty();
    }

    private static ObjectNode body(String workPackage, String user) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode links = body.putObject("_links");
        links.putObject("workPackage").put("href", workPackage);
        links.putObject("user").put("href", user);
        return body;
    }

    private String user(String login) {
        return href(client.post("/api/v3/users", JSON.createObjectNode().put("login", login).put("email", login + "@example.com")
                .put("firstName", login).put("lastName", "Lee").put("status", "invited")));
    }

    private static String href(com.fasterxml.jackson.databind.JsonNode resource) {
        return resource.path("_links").path("self").path("href").asText();
    }

    private static Mapping mapping(String href) {
        return Mapping.newBuilder().setKind("WATCHER").setJiraId("10001_a-1").setOpenProjectId(0).setHref(href)
                .setAppliedChecksum("c").setCommandId("x").setUpdatedAt(Instant.parse("2025-06-01T00:00:00Z")).build();
    }
}
