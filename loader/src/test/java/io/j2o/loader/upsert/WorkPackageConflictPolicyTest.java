package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A work package someone edited in OpenProject after our write meets a newer Jira change, under each policy. */
class WorkPackageConflictPolicyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private String project;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("conflicts")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        project = client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "A"))
                .path("_links").path("self").path("href").asText();
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void jiraWinsOverwritesTheEditMadeInOpenProject() {
        Upserter workPackages = workPackages(ConflictPolicy.JIRA_WINS);
        Mapping ours = writtenThenEditedInOpenProject(workPackages);

        UpsertOutcome outcome = workPackages.upsert(issue("Jira's newer subject"), Optional.of(ours));

        assertThat(outcome.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(subject(ours)).isEqualTo("Jira's newer subject");
    }

    @Test
    void openProjectWinsKeepsTheSubjectEditedThereAndAppliesTheNewDescription() {
        Upserter workPackages = workPackages(ConflictPolicy.OPENPROJECT_WINS);
        Mapping ours = writtenThenEditedInOpenProject(workPackages);

        UpsertOutcome outcome = workPackages.upsert(issue("Written by j2o", "Jira's newer description"), Optional.of(ours));

        assertThat(outcome.action()).isEqualTo(JournalAction.UPDATED);
        assertThat(outcome.keptFields()).containsExactly("subject");
        assertThat(subject(ours)).isEqualTo("Renamed in OpenProject");
        assertThat(description(ours)).isEqualTo("Jira's newer description");
    }

    @Test
    void aFieldKeptOnceStaysKeptOnTheNextJiraChangeWhileTheOthersFollowJira() {
        Upserter workPackages = workPackages(ConflictPolicy.OPENPROJECT_WINS);
        Mapping first = writtenThenEditedInOpenProject(workPackages);
        Mapping afterFirst = mapping(workPackages.upsert(issue("Written by j2o", "second"), Optional.of(first)));

        UpsertOutcome outcome = workPackages.upsert(issue("Jira renames it too", "third"), Optional.of(afterFirst));

        assertThat(outcome.keptFields()).containsExactly("subject");
        assertThat(subject(first)).isEqualTo("Renamed in OpenProject");
        assertThat(description(first)).isEqualTo("third");
    }

    @Test
    void openProjectWinsAppliesAJiraChangeToAFieldNobodyEditedThere() {
        Upserter workPackages = workPackages(ConflictPolicy.OPENPROJECT_WINS);
        UpsertOutcome created = workPackages.upsert(issue("Written by j2o", "first"), Optional.empty());
        client.patch(created.href(), JSON.createObjectNode().put("lockVersion", 0)
                .set("description", JSON.createObjectNode().put("raw", "Described in OpenProject")));

        UpsertOutcome outcome = workPackages.upsert(issue("Jira's newer subject", "second"), Optional.of(mapping(created)));

        assertThat(outcome.keptFields()).containsExactly("description");
        assertThat(subject(mapping(created))).isEqualTo("Jira's newer subject");
        assertThat(description(mapping(created))).isEqualTo("Described in OpenProject");
    }

    @Test
    void openProjectWinsWithAMappingFromBeforeFieldChecksumsKeepsTheWholeWorkPackageAndTheOldLockVersion() {
        Upserter workPackages = workPackages(ConflictPolicy.OPENPROJECT_WINS);
        Mapping ours = writtenThenEditedInOpenProject(workPackages);
        ours.setFieldChecksums(null);
        long writes = openProject.writeCount();

        UpsertOutcome outcome = workPackages.upsert(issue("Jira's newer subject", "Jira's newer description"), Optional.of(ours));

        assertThat(outcome.wrote()).isFalse();
        assertThat(outcome.lockVersion()).isEqualTo(ours.getLockVersion());
        assertThat(subject(ours)).isEqualTo("Renamed in OpenProject");
        assertThat(openProject.writeCount()).isEqualTo(writes);
    }

    @Test
    void parkRefusesWithBothLockVersionsNamed() {
        Upserter workPackages = workPackages(ConflictPolicy.PARK);
        Mapping ours = writtenThenEditedInOpenProject(workPackages);

        assertThatThrownBy(() -> workPackages.upsert(issue("Jira's newer subject"), Optional.of(ours)))
                .isInstanceOf(EditedInOpenProjectException.class)
                .hasMessageContaining("lockVersion 0 in our mapping, 1 in OpenProject");
        assertThat(subject(ours)).isEqualTo("Renamed in OpenProject");
    }

    @Test
    void untouchedWorkPackageIsUpdatedUnderEveryPolicy() {
        for (ConflictPolicy policy : ConflictPolicy.values()) {
            Upserter workPackages = workPackages(policy);
            UpsertOutcome created = workPackages.upsert(issue("v1 " + policy), Optional.empty());

            UpsertOutcome updated = workPackages.upsert(issue("v2 " + policy), Optional.of(mapping(created)));

            assertThat(updated.action()).as(policy.name()).isEqualTo(JournalAction.UPDATED);
        }
    }

    private Upserter workPackages(ConflictPolicy policy) {
        return Upserters.forOpenProject(client, "customField1", policy).byKind().get(CommandKind.WORK_PACKAGE);
    }

    /** Our create (lockVersion 0, as the mapping records it, with what it wrote), then a rename in OpenProject (1). */
    private Mapping writtenThenEditedInOpenProject(Upserter workPackages) {
        UpsertOutcome created = workPackages.upsert(issue("Written by j2o"), Optional.empty());
        client.patch(created.href(), JSON.createObjectNode().put("lockVersion", 0).put("subject", "Renamed in OpenProject"));
        return mapping(created);
    }

    private ObjectNode issue(String subject) {
        return issue(subject, "As written in Jira");
    }

    private ObjectNode issue(String subject, String description) {
        ObjectNode body = JSON.createObjectNode().put("subject", subject).put("customField1", "ALPHA-1");
        body.putObject("description").put("raw", description);
        body.putObject("_links").putObject("project").put("href", project);
        return body;
    }

    private String subject(Mapping mapping) {
        return client.get(mapping.getHref()).path("subject").asText();
    }

    private String description(Mapping mapping) {
        return client.get(mapping.getHref()).path("description").path("raw").asText();
    }

    private static Mapping mapping(UpsertOutcome outcome) {
        return Mapping.newBuilder().setKind("WORK_PACKAGE").setJiraId("1").setOpenProjectId(outcome.id())
                .setHref(outcome.href()).setLockVersion(outcome.lockVersion()).setAppliedChecksum("c").setCommandId("c")
                .setUpdatedAt(Instant.EPOCH).setFieldChecksums(outcome.fieldChecksums()).build();
    }
}
