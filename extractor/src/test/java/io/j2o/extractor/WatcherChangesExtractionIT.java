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
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Starting or stopping to watch an issue does not move its {@code updated}, so the incremental search misses it; the
 * reconciling pass sees the watch count change in its id listing and publishes that issue again, with its new
 * watcher list, once; on Cloud and on Data Center, and after a restart too.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class WatcherChangesExtractionIT {

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
    void anIssueSomeoneStartedWatchingIsPublishedAgainByTheReconcilingPassOnly(JiraFlavour flavour) {
        ExtractorConfig config = start(flavour);
        JiraExtractor extractor = rig.extractor(config);
        extractor.runOnce(false);
        int firstPass = rig.issueEvents().size();
        ObjectNode issue = jira.issues().stream().filter(i -> i.at("/fields/watches/watchers").size() < 3).findFirst().orElseThrow();
        String key = issue.get("key").asText();
        String updatedBefore = issue.at("/fields/updated").asText();
        String newWatcher = someoneNotWatching(issue, flavour);

        ObjectNode watched = jira.watch(key, newWatcher);

        assertThat(watched.at("/fields/updated").asText()).as("watching does not move updated").isEqualTo(updatedBefore);
        assertThat(extractor.runOnce(false).events()).as("the incremental search cannot see it").isZero();
        ExtractionStats reconciling = extractor.runOnce(false, true);
        List<JiraEntityEvent> republished = rig.issueEvents().subList(firstPass, rig.issueEvents().size());
        assertThat(republished).extracting(JiraEntityEvent::getJiraKey).containsExactly(key);
        assertThat(reconciling.issues()).isEqualTo(1);
        assertThat(reconciling.events()).isEqualTo(1);
        JsonNode watches = payload(republished.get(0)).at("/fields/watches");
        assertThat(watcherIds(watches.get("watchers"), flavour)).isEqualTo(watcherIds(watched.at("/fields/watches/watchers"), flavour))
                .contains(newWatcher);
        assertThat(watches.get("watchCount").asInt()).isEqualTo(issue.at("/fields/watches/watchers").size() + 1);

        assertThat(extractor.runOnce(false, true).events()).as("nothing changed since").isZero();
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void aWatcherWhoStoppedWatchingDuringARestartHasTheIssuePublishedAgain(JiraFlavour flavour) {
        ExtractorConfig config = start(flavour);
        rig.extractor(config).runOnce(false);
        int firstPass = rig.issueEvents().size();
        ObjectNode issue = jira.issues().stream().filter(i -> i.at("/fields/watches/watchers").size() >= 1).findFirst().orElseThrow();
        String key = issue.get("key").asText();
        String leaving = watcherIds(issue.at("/fields/watches/watchers"), flavour).iterator().next();

        jira.unwatch(key, leaving);
        ExtractionStats afterRestart = rig.extractor(config).runOnce(false, true);

        assertThat(afterRestart.issues()).as("the published counts were read back from the issues topic").isEqualTo(1);
        List<JiraEntityEvent> republished = rig.issueEvents().subList(firstPass, rig.issueEvents().size());
        assertThat(republished).extracting(JiraEntityEvent::getJiraKey).containsExactly(key);
        assertThat(watcherIds(payload(republished.get(0)).at("/fields/watches/watchers"), flavour)).doesNotContain(leaving)
                .hasSize(issue.at("/fields/watches/watchers").size() - 1);
    }

    /** A simulator of {@code flavour} and an issues-only configuration whose normal passes never reconcile. */
    private ExtractorConfig start(JiraFlavour flavour) {
        jira = rig.jira(DATASET, flavour);
        return rig.config(jira, flavour).withEntities(List.of("issues")).withReconcileEvery(1000);
    }

    private String someoneNotWatching(ObjectNode issue, JiraFlavour flavour) {
        Set<String> watching = watcherIds(issue.at("/fields/watches/watchers"), flavour);
        return jira.users().stream().map(user -> userId(user, flavour)).filter(id -> !watching.contains(id))
                .findFirst().orElseThrow();
    }

    private static Set<String> watcherIds(JsonNode watchers, JiraFlavour flavour) {
        return StreamSupport.stream(watchers.spliterator(), false).map(user -> userId(user, flavour))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static String userId(JsonNode user, JiraFlavour flavour) {
        return user.path(flavour == JiraFlavour.CLOUD ? "accountId" : "key").asText();
    }

    private static JsonNode payload(JiraEntityEvent event) {
        try {
            return JSON.readTree(event.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
