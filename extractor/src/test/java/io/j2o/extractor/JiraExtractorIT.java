package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extractor against the Jira simulator and a real broker: full first pass, then only what changed. */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class JiraExtractorIT {

    private static final int ISSUES = 240;

    private JiraSimulator jira;
    private ExtractorRig rig;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
        jira = rig.own(new JiraSimulator(new DatasetGenerator(11).generate(3, ISSUES), JiraSimulator.Options.defaults()
                .withTimeZone(ZoneId.of("Australia/Sydney"))).start());
    }

    @Test
    void firstPassPublishesEverythingThenOnlyChangesEvenAcrossARestart() {
        JiraExtractor first = extractor();
        ExtractionStats initial = first.runOnce(false);
        assertThat(initial).extracting(ExtractionStats::projects, ExtractionStats::issues, ExtractionStats::deleted)
                .containsExactly(3, ISSUES, 0);
        assertThat(issueEvents()).hasSize(ISSUES);

        assertThat(first.runOnce(false).issues()).as("nothing changed in Jira").isZero();

        jira.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        String edited = jira.issues().get(17).path("key").asText();
        jira.updateIssue(edited, fields -> fields.put("summary", "Edited after the first pass"));

        JiraExtractor restarted = extractor();
        assertThat(restarted.runOnce(false).issues()).as("a new extractor resumes from the stored watermarks").isEqualTo(1);
        List<JiraEntityEvent> events = issueEvents();
        JiraEntityEvent last = events.get(events.size() - 1);
        assertThat(events).hasSize(ISSUES + 1);
        assertThat(last.getJiraKey()).isEqualTo(edited);
        assertThat(last.getPayload()).contains("Edited after the first pass");
        assertThat(last.getJiraUpdatedAt()).isEqualTo(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void fullResyncPublishesEveryIssueAgain() {
        JiraExtractor extractor = extractor();
        extractor.runOnce(false);
        assertThat(extractor.runOnce(true).issues()).isEqualTo(ISSUES);
        assertThat(issueEvents()).hasSize(2 * ISSUES);
    }

    private JiraExtractor extractor() {
        return rig.extractor(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), "site", 3);
    }

    private List<JiraEntityEvent> issueEvents() {
        List<JiraEntityEvent> events = rig.issueEvents();
        assertThat(events).allMatch(e -> e.getEntityType() == JiraEntityType.ISSUE);
        return events;
    }
}
