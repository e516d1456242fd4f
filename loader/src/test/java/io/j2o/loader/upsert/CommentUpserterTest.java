package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenProject simulator on loopback: the marker is what makes comment writes idempotent. */
class CommentUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private Upserter comments;
    private String workPackage;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("comments")).start();
        OpenProjectClient client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        comments = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.COMMENT);
        client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "Alpha"));
        workPackage = client.post("/api/v3/projects/alpha/work_packages", JSON.createObjectNode().put("subject", "Commented"))
                .path("_links").path("self").path("href").asText();
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void commentIsCreatedOnceAndFoundByItsMarkerWhenNoMappingIsKnown() {
        UpsertOutcome created = comments.upsert(comment("100", "Looks good"), Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome again = comments.upsert(comment("100", "Looks good"), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(created.href()).startsWith("/api/v3/activities/");
        assertThat(again.wrote()).isFalse();
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(openProject.writeCount()).isEqualTo(writes);
        assertThat(markedComments("100")).hasSize(1);
    }

    @Test
    void editedTextIsPatchedIntoTheSameComment() {
        UpsertOutcome created = comments.upsert(comment("100", "first"), Optional.empty());

        UpsertOutcome edited = comments.upsert(comment("100", "second"), Optional.of(mapping(created)));

        assertThat(edited.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(edited.id()).isEqualTo(created.id());
        assertThat(edited.after().path("comment").path("raw").asText()).contains("second");
        assertThat(markedComments("100")).hasSize(1);
    }

    @Test
    void aConflictingWriteIsReadAgainAndRetriedInsteadOfParked() {
        UpsertOutcome created = comments.upsert(comment("100", "first"), Optional.empty());
        openProject.failNext("PATCH", "/api/v3/activities/", 2, 409);

        UpsertOutcome edited = comments.upsert(comment("100", "second"), Optional.of(mapping(created)));

        assertThat(edited.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(edited.after().path("comment").path("raw").asText()).contains("second");
        assertThat(markedComments("100")).hasSize(1);
    }

    @Test
    void mappingThatNamesAnotherCommentIsNotTrusted() {
        UpsertOutcome other = comments.upsert(comment("200", "someone else's"), Optional.empty());

        UpsertOutcome created = comments.upsert(comment("100", "mine"), Optional.of(mapping(other)));

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(created.id()).isNotEqualTo(other.id());
        assertThat(markedComments("200").get(0).path("comment").path("raw").asText()).contains("someone else's");
    }

    @Test
    void deletionLeavesAVisibleTombstoneJournalledAsDeletedAndIsNotRepeated() {
        UpsertOutcome created = comments.upsert(comment("100", "soon gone"), Optional.empty());

        Optional<UpsertOutcome> deleted = comments.delete("ALPHA-1", removal("100"), Optional.empty());
        long writes = openProject.writeCount();
        Optional<UpsertOutcome> again = comments.delete("ALPHA-1", removal("100"), Optional.empty());

        assertThat(deleted).map(UpsertOutcome::action).contains(JournalAction.DELETED);
        assertThat(deleted.get().before().path("comment").path("raw").asText()).contains("soon gone");
        assertThat(deleted.get().after().path("comment").path("raw").asText()).startsWith(CommentMarker.TOMBSTONE);
        assertThat(deleted.get().id()).isEqualTo(created.id());
        assertThat(again).map(UpsertOutcome::wrote).contains(false);
        assertThat(openProject.writeCount()).isEqualTo(writes);
        assertThat(comments.delete("ALPHA-1", removal("999"), Optional.empty())).as("nothing to delete").isEmpty();
    }

    private List<JsonNode> markedComments(String jiraCommentId) {
        return openProject.activities().stream().map(JsonNode.class::cast)
                .filter(a -> CommentMarker.idIn(a.path("comment").path("raw").asText()).filter(jiraCommentId::equals).isPresent())
                .toList();
    }

    private ObjectNode comment(String jiraCommentId, String text) {
        ObjectNode body = removal(jiraCommentId);
        body.putObject("comment").put("raw", CommentMarker.append("*By Ann in Jira*\n\n" + text, jiraCommentId));
        return body;
    }

    private ObjectNode removal(String jiraCommentId) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("_links").putObject("workPackage").put("href", workPackage);
        body.putObject("comment").put("raw", CommentMarker.of(jiraCommentId));
        return body;
    }

    private static Mapping mapping(UpsertOutcome outcome) {
        return Mapping.newBuilder().setKind("COMMENT").setJiraId("x").setOpenProjectId(outcome.id()).setHref(outcome.href())
                .setAppliedChecksum("c").setCommandId("c").setUpdatedAt(Instant.EPOCH).build();
    }
}
