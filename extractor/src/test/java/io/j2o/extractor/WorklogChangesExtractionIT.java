package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraFlavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A worklog edited or deleted without its issue's {@code updated} moving reaches the issues topic all the same: the
 * issue is found through {@code /worklog/updated} and {@code /worklog/deleted} and published again, once.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class WorklogChangesExtractionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JiraDataset DATASET = new DatasetGenerator(23).generate(2, 40);

    private ExtractorRig rig;
    private JiraSimulator jira;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void issuesWhoseWorklogsAloneChangedArePublishedAgainOnce(JiraFlavour flavour) {
        jira = rig.jira(DATASET, flavour);
        JiraExtractor extractor = rig.extractor(rig.config(jira, flavour).withEntities(List.of("issues")));
        extractor.runOnce(false);
        int firstPass = rig.issueEvents().size();
        List<ObjectNode> withWorklogs = jira.issues().stream().filter(i -> i.at("/fields/worklog/worklogs").size() >= 1).toList();
        ObjectNode edited = withWorklogs.get(0);
        ObjectNode deletedFrom = withWorklogs.get(1);
        String editedWorklog = edited.at("/fields/worklog/worklogs/0/id").asText();
        String deletedWorklog = deletedFrom.at("/fields/worklog/worklogs/0/id").asText();

        jira.updateWorklog(edited.get("key").asText(), editedWorklog, worklog -> worklog.put("timeSpentSeconds", 4242));
        jira.deleteWorklog(deletedFrom.get("key").asText(), deletedWorklog);
        ExtractionStats second = extractor.runOnce(false);

        List<JiraEntityEvent> republished = rig.issueEvents().subList(firstPass, rig.issueEvents().size());
        assertThat(republished).extracting(JiraEntityEvent::getJiraKey)
                .containsExactlyInAnyOrder(edited.get("key").asText(), deletedFrom.get("key").asText());
        assertThat(second.issues()).isEqualTo(2);
        JsonNode editedPayload = payload(republished.stream()
                .filter(e -> e.getJiraKey().equals(edited.get("key").asText())).findFirst().orElseThrow());
        assertThat(editedPayload.at("/fields/worklog/worklogs").findValues("timeSpentSeconds"))
                .anySatisfy(seconds -> assertThat(seconds.asInt()).isEqualTo(4242));
        JsonNode deletedPayload = payload(republished.stream()
                .filter(e -> e.getJiraKey().equals(deletedFrom.get("key").asText())).findFirst().orElseThrow());
        assertThat(deletedPayload.at("/fields/worklog/worklogs").findValuesAsText("id")).doesNotContain(deletedWorklog);

        assertThat(extractor.runOnce(false).issues()).as("nothing changed since").isZero();
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void aWorklogDeletedAfterARestartStillHasItsIssuePublishedAgain(JiraFlavour flavour) {
        jira = rig.jira(DATASET, flavour);
        ExtractorConfig config = rig.config(jira, flavour).withEntities(List.of("issues"));
        rig.extractor(config).runOnce(false);
        int firstPass = rig.issueEvents().size();
        ObjectNode deletedFrom = jira.issues().stream().filter(i -> i.at("/fields/worklog/worklogs").size() >= 1)
                .findFirst().orElseThrow();
        String deletedWorklog = deletedFrom.at("/fields/worklog/worklogs/0/id").asText();

        jira.deleteWorklog(deletedFrom.get("key").asText(), deletedWorklog);
        ExtractionStats afterRestart = rig.extractor(config).runOnce(false);

        assertThat(afterRestart.issues()).isEqualTo(1);
        List<JiraEntityEvent> republished = rig.issueEvents().subList(firstPass, rig.issueEvents().size());
        assertThat(republished).extracting(JiraEntityEvent::getJiraKey).containsExactly(deletedFrom.get("key").asText());
        assertThat(payload(republished.get(0)).at("/fields/worklog/worklogs").findValuesAsText("id")).doesNotContain(deletedWorklog);
    }

    private static JsonNode payload(JiraEntityEvent event) {
        try {
            return JSON.readTree(event.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
