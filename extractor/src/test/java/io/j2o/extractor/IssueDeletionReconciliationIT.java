package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraFlavour;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deleted issues on both flavours: after a migration two issues are deleted and a third only drops out of search
 * while the index lags; reconciliation publishes exactly two DELETE events, each confirmed by Jira's 404 first.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class IssueDeletionReconciliationIT {

    private static final int ISSUES = 150;

    private JiraSimulator jira;
    private ExtractorRig rig;

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void onlyIssuesJiraConfirmsGoneAreDeletedAndALaggingIndexDeletesNothing(JiraSimulator.Flavour flavour,
            ExtractorRig rig) {
        JiraSimulator.Options options = flavour == JiraSimulator.Flavour.CLOUD
                ? JiraSimulator.Options.defaults() : JiraSimulator.Options.dataCenter().withMaxResultsCap(40).withSearchWindow(80);
        this.rig = rig;
        jira = rig.own(new JiraSimulator(new DatasetGenerator(41).generate(2, ISSUES), options).start());
        ExtractorConfig config = rig.config(jira.baseUrl(), options.email(), options.apiToken(), "site", 3)
                .withFlavour(flavour == JiraSimulator.Flavour.CLOUD ? JiraFlavour.CLOUD : JiraFlavour.DATA_CENTER)
                .withSearchWindow(80)
                .withReconcileEvery(3);
        assertThat(rig.extractor(config).runOnce(false).issues()).isEqualTo(ISSUES);

        List<ObjectNode> issues = jira.issues();
        String deletedA = issues.get(10).get("id").asText();
        String deletedB = issues.get(120).get("id").asText();
        String lagging = issues.get(60).get("id").asText();
        jira.deleteIssue(deletedA);
        jira.deleteIssue(deletedB);
        Instant later = DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(3));
        jira.clock(Clock.fixed(later, ZoneOffset.UTC));
        jira.faults().searchLag(Duration.ofMinutes(5));
        jira.updateIssue(lagging, fields -> fields.put("summary", "edited while the index lags"));

        JiraExtractor restarted = rig.extractor(config);
        assertThat(restarted.runOnce(false)).as("pass 1 of 3: not due")
                .extracting(ExtractionStats::projects, ExtractionStats::issues, ExtractionStats::deleted)
                .containsExactly(2, 0, 0);
        ExtractionStats forced = restarted.runOnce(false, true);
        assertThat(forced.deleted()).as("forced reconciliation").isEqualTo(2);

        List<JiraEntityEvent> deletes = deletes();
        assertThat(deletes).extracting(JiraEntityEvent::getJiraId).containsExactlyInAnyOrder(deletedA, deletedB);
        assertThat(deletes).allSatisfy(event -> {
            assertThat(event.getPayload()).isNull();
            assertThat(event.getSource().getFlavour()).isEqualTo(config.flavour());
        });
        String issuePath = options.flavour().apiPath() + "/issue/";
        // Issue lookups only: the comment and worklog pages of truncated lists live below the issue, the bulk fetch is a POST.
        assertThat(jira.requests()).filteredOn(request -> request.method().equals("GET") && request.path().matches(issuePath + "[^/]+"))
                .extracting(request -> request.path().substring(issuePath.length()))
                .as("each vanished id confirmed by a GET, the lagging one included")
                .containsExactlyInAnyOrder(deletedA, deletedB, lagging);

        jira.clock(Clock.fixed(later.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
        ExtractionStats due = restarted.runOnce(false);
        assertThat(due).as("pass 3 of 3 reconciles again: the caught-up index shows the edit, nothing is deleted")
                .extracting(ExtractionStats::projects, ExtractionStats::issues, ExtractionStats::deleted)
                .containsExactly(2, 1, 0);
        assertThat(deletes()).hasSize(2);
    }

    private List<JiraEntityEvent> deletes() {
        return rig.issueEvents().stream().filter(event -> event.getChange() == ChangeType.DELETE).toList();
    }
}
