package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.j2o.extractor.jira.JiraException;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraFaults.ErrorBody;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/** The extractor through Jira's bad days: bursts of throttling and errors, broken answers, bad credentials, a lagging index. */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class JiraExtractorResilienceIT {

    private static final int ISSUES = 240;
    private static final String SEARCH = "/rest/api/3/search/jql";

    private JiraSimulator jira;
    private ExtractorRig rig;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
        jira = rig.own(new JiraSimulator(new DatasetGenerator(23).generate(3, ISSUES), JiraSimulator.Options.defaults()).start());
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() throws Exception {
        root().detachAppender(logs);
    }

    @Test
    void everyIssueIsPublishedExactlyOnceThroughBurstsOfFaults() {
        jira.faults()
                .serverErrors("GET", "/rest/api/3/myself", 1, 500, ErrorBody.JIRA)
                .htmlPage("GET", "/rest/api/3/project", 1, 200)
                .serverErrors("POST", SEARCH, 2, 503, ErrorBody.JIRA)
                .serverErrors("POST", SEARCH, 1, 502, ErrorBody.PROXY)
                .rateLimit("POST", SEARCH, 1, Duration.ofSeconds(1))
                .dropConnection("POST", SEARCH, 1)
                .htmlPage("POST", SEARCH, 1, 502);
        int injected = jira.faults().pending();

        ExtractionStats stats = extractor(jira.options().apiToken(), 8).runOnce(false);

        assertThat(jira.faults().pending()).as("every fault was served").isZero();
        assertThat(stats).extracting(ExtractionStats::projects, ExtractionStats::issues, ExtractionStats::deleted)
                .containsExactly(3, ISSUES, 0);
        Map<String, Long> perId = rig.issueEvents().stream()
                .collect(Collectors.groupingBy(JiraEntityEvent::getJiraId, Collectors.counting()));
        assertThat(perId.keySet()).containsExactlyInAnyOrderElementsOf(
                jira.issues().stream().map(issue -> issue.get("id").asText()).toList());
        assertThat(perId.values()).as("no issue published twice").allMatch(count -> count == 1);
        assertThat(retryWarnings()).hasSize(injected);
    }

    @Test
    void badCredentialsStopTheExtractorAtOnceWithoutLeakingTheToken() {
        String token = "ATATT3xFfGF0-wrong-but-secret";
        JiraExtractor extractor = extractor(token, 8);

        assertThatThrownBy(() -> extractor.runOnce(false))
                .isInstanceOf(JiraException.Unauthorized.class)
                .hasMessageContaining("401")
                .hasMessageContaining("jira.apiToken")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(token));
        assertThat(jira.requests()).as("one refused call, no retries").hasSize(1);
        assertThat(rig.issueEvents()).isEmpty();
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage() + event.getThrowableProxy())
                .doesNotContain(token));
    }

    @Test
    void issueHiddenByALaggingIndexIsPublishedOnceTheIndexCatchesUp() {
        Instant later = DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(2));
        JiraExtractor extractor = extractor(jira.options().apiToken(), 3);
        extractor.runOnce(false);
        jira.faults().searchLag(Duration.ofSeconds(30));
        jira.clock(Clock.fixed(later, ZoneOffset.UTC));
        String key = jira.issues().get(5).get("key").asText();
        jira.updateIssue(key, fields -> fields.put("summary", "edited while the index lags"));

        assertThat(extractor.runOnce(false).issues()).as("search does not show it yet").isZero();

        jira.clock(Clock.fixed(later.plusSeconds(31), ZoneOffset.UTC));
        assertThat(extractor.runOnce(false).issues()).isEqualTo(1);
        assertThat(extractor.runOnce(false).issues()).as("the look-back re-read publishes nothing twice").isZero();
        Map<String, List<JiraEntityEvent>> byKey = rig.issueEvents().stream()
                .collect(Collectors.groupingBy(JiraEntityEvent::getJiraKey));
        assertThat(byKey.get(key)).extracting(JiraEntityEvent::getPayload)
                .satisfiesExactly(first -> assertThat(first).doesNotContain("edited while"),
                        second -> assertThat(second).contains("edited while the index lags"));
    }

    private JiraExtractor extractor(String apiToken, int maxAttempts) {
        return rig.extractor(jira.baseUrl(), jira.options().email(), apiToken, "site", maxAttempts);
    }

    private List<String> retryWarnings() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Jira call failed, retrying")).toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
