package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Jira pages a search by position in {@code updated} order. An issue edited while a project is being read jumps
 * from the pages already read to the end, and the issue behind the page boundary slides onto a page already read:
 * without care it is never read, and the watermark moves past it for good.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class PagingWhileEditedIT {

    private static final int ISSUES = 250;

    private JiraSimulator jira;
    private ExtractorRig rig;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
        jira = rig.own(new JiraSimulator(new DatasetGenerator(3).generate(1, ISSUES), JiraSimulator.Options.defaults()).start());
    }

    @Test
    void anIssueEditedBetweenTwoPagesDoesNotHideTheIssueBehindThePageBoundary() {
        String firstByUpdated = jira.issues().stream()
                .min(Comparator.comparing((ObjectNode i) -> JiraDateTimes.parse(i.path("fields").path("updated").asText()))
                        .thenComparing(i -> i.path("key").asText()))
                .orElseThrow().path("key").asText();
        JiraExtractor extractor = rig.extractor(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), "site", 3);
        // Slow pages leave time to edit while the second one is being answered.
        jira.faults().latency(Duration.ofMillis(400));

        CompletableFuture<ExtractionStats> pass = CompletableFuture.supplyAsync(() -> extractor.runOnce(false));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> jira.requests().stream()
                .filter(r -> r.path().startsWith("/rest/api/3/search")).count() >= 2);
        jira.updateIssue(firstByUpdated, fields -> fields.put("summary", "edited while its project was being paged"));
        pass.join();

        Set<String> published = rig.issueEvents().stream().map(JiraEntityEvent::getJiraId).collect(Collectors.toSet());
        assertThat(published).as("every issue read in the pass it was due")
                .containsExactlyInAnyOrderElementsOf(jira.issues().stream().map(i -> i.path("id").asText()).toList());
        assertThat(rig.issueEvents()).filteredOn(e -> e.getJiraKey().equals(firstByUpdated))
                .extracting(JiraEntityEvent::getPayload)
                .anySatisfy(payload -> assertThat(payload).contains("edited while its project was being paged"));
    }
}
