package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraFlavour;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The extractor against a Data Center server whose pages hold 25 issues and whose search window is 100 results:
 * every project needs several keyset windows, and a search reaching past the window would fail with 500 (the
 * extractor gets one attempt per request here, so a single such request fails the test).
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class JiraDataCenterExtractorIT {

    private static final int ISSUES = 600;
    private static final int PAGE_CAP = 25;
    private static final int WINDOW = 100;
    private static final String SEARCH = "/rest/api/2/search";

    private JiraSimulator jira;
    private ExtractorRig rig;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
    }

    @Test
    void everyIssueIsPublishedExactlyOnceAcrossKeysetWindowsAndOnlyChangesAfterwards() {
        jira = rig.own(dataCenter(new DatasetGenerator(31).generate(2, ISSUES)));
        JiraExtractor extractor = rig.extractor(config());

        assertThat(extractor.runOnce(false)).extracting(ExtractionStats::projects, ExtractionStats::issues, ExtractionStats::deleted)
                .containsExactly(2, ISSUES, 0);

        assertPublishedExactlyOnce(ISSUES);
        assertThat(rig.issueEvents()).allSatisfy(event -> {
            assertThat(event.getSource().getFlavour()).isEqualTo(JiraFlavour.DATA_CENTER);
            assertThat(event.getSource().getApiVersion()).isEqualTo("2");
            assertThat(event.getPayload()).contains("\"name\":").doesNotContain("accountId");
        });
        long searches = jira.requests().stream().filter(request -> request.path().equals(SEARCH)).count();
        assertThat(searches).as("about %d issues per project need several %d-result windows of %d-issue pages",
                ISSUES / 2, WINDOW, PAGE_CAP).isGreaterThanOrEqualTo(ISSUES / PAGE_CAP);

        assertThat(extractor.runOnce(false).issues()).as("nothing changed").isZero();
        jira.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        String edited = jira.issues().get(100).get("key").asText();
        jira.updateIssue(edited, fields -> fields.put("summary", "edited on Data Center"));
        assertThat(rig.extractor(config()).runOnce(false).issues()).as("a restarted extractor reads only the change").isEqualTo(1);
    }

    @Test
    void moreIssuesInOneMinuteThanTheSearchWindowHoldsAreStillReadOnce() {
        jira = rig.own(dataCenter(new DatasetGenerator(32).generate(1, 0)));
        jira.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT, ZoneOffset.UTC));
        int crowded = 2 * WINDOW + 30;
        for (int i = 0; i < crowded; i++) {
            jira.createIssue("ALPHA", "created in the same minute #" + i);
        }

        assertThat(rig.extractor(config()).runOnce(false).issues()).isEqualTo(crowded);
        assertPublishedExactlyOnce(crowded);
        assertThat(jira.requests()).filteredOn(request -> request.path().equals(SEARCH))
                .as("the crowded minute is read by key once, not re-read without end")
                .hasSizeBetween(crowded / PAGE_CAP, 3 * crowded / PAGE_CAP);
    }

    private JiraSimulator dataCenter(io.j2o.sandbox.dataset.JiraDataset dataset) {
        return new JiraSimulator(dataset, JiraSimulator.Options.dataCenter().withMaxResultsCap(PAGE_CAP)
                .withSearchWindow(WINDOW)).start();
    }

    /** Asks for pages of 50 (the server gives 25) and keeps every query inside the server's window; one attempt only. */
    private ExtractorConfig config() {
        return rig.config(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), "dc", 1)
                .withFlavour(JiraFlavour.DATA_CENTER).withSearchWindow(WINDOW);
    }

    private void assertPublishedExactlyOnce(int expected) {
        Map<String, Long> perId = rig.issueEvents().stream()
                .collect(Collectors.groupingBy(JiraEntityEvent::getJiraId, Collectors.counting()));
        List<String> ids = jira.issues().stream().map(issue -> issue.get("id").asText()).toList();
        assertThat(ids).hasSize(expected);
        assertThat(perId.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(perId.values()).as("no issue published twice").allMatch(count -> count == 1);
    }
}
