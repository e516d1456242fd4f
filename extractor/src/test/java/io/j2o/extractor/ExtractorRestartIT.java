package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.topics.JiraIds;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A restarted extractor remembers what it published from the compacted topics themselves: it publishes no user,
 * group, project or version that did not change, and a group deleted in Jira while it was down becomes a deletion;
 * of the issues it reads back only their digests (worklog ids, watch count), never their payloads.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class ExtractorRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractorRestartIT.class);
    /** The site {@code j2o demo} generates by default. */
    private static final JiraDataset DEMO_SITE = new DatasetGenerator(42).generate(3, 300);

    private ExtractorRig rig;
    private JiraSimulator jira;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void aRestartedExtractorPublishesOnlyTheMetadataThatChangedWhileItWasDown(JiraFlavour flavour) {
        ExtractorConfig config = config(flavour);
        ExtractionStats first = rig.extractor(config).runOnce(false);
        int metadataEvents = metadataEvents();
        assertThat(first.users()).isEqualTo(DEMO_SITE.users().size());
        assertThat(first.groups()).isEqualTo(DEMO_SITE.groups().size()).isPositive();

        ExtractionStats restarted = rig.extractor(config).runOnce(false);

        assertThat(restarted.users()).isZero();
        assertThat(restarted.groups()).isZero();
        assertThat(restarted.versions()).isZero();
        assertThat(restarted.issues()).as("the watermarks hold too").isZero();
        assertThat(metadataEvents()).as("not a project either").isEqualTo(metadataEvents);
        LOG.info("restart pass on the demo site flavour={} metadataEventsFirstPass={} metadataEventsRestartPass={}",
                flavour, metadataEvents, metadataEvents() - metadataEvents);

        String renamed = JiraIds.user(jira.users().get(3)).orElseThrow();
        jira.updateUser(renamed, user -> user.put("displayName", "Renamed While Down"));
        int before = rig.events(rig.topics().jiraUsers()).size();

        ExtractionStats afterEdit = rig.extractor(config).runOnce(false);

        assertThat(afterEdit.users()).isEqualTo(1);
        assertThat(afterEdit.versions()).isZero();
        List<JiraEntityEvent> users = rig.events(rig.topics().jiraUsers());
        assertThat(users).hasSize(before + 1);
        assertThat(users.get(users.size() - 1).getJiraId()).isEqualTo(renamed);
        assertThat(users.get(users.size() - 1).getPayload()).contains("Renamed While Down");
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void aGroupDeletedInJiraWhileTheExtractorWasDownIsPublishedAsDeletedOnce(JiraFlavour flavour) {
        ExtractorConfig config = config(flavour).withEntities(List.of("users", "groups"));
        rig.extractor(config).runOnce(false);
        String gone = jira.groups().get(0).get("name").asText();
        String goneId = jira.groups().get(0).path("groupId").asText(gone);
        assertThat(jira.deleteGroup(gone)).isTrue();

        JiraExtractor restarted = rig.extractor(config);
        ExtractionStats pass = restarted.runOnce(false);

        assertThat(pass.groups()).as("the deletion alone").isEqualTo(1);
        Map<String, JiraEntityEvent> lastByGroup = rig.events(rig.topics().jiraGroups()).stream()
                .collect(Collectors.toMap(JiraEntityEvent::getJiraId, Function.identity(), (a, b) -> b));
        JiraEntityEvent deletion = lastByGroup.get(goneId);
        assertThat(deletion.getChange()).isEqualTo(ChangeType.DELETE);
        assertThat(deletion.getPayload()).isNull();
        assertThat(lastByGroup.values()).filteredOn(event -> event.getChange() == ChangeType.DELETE).hasSize(1);
        assertThat(restarted.runOnce(true).groups()).as("a full resync lists the remaining groups, deletes nothing more")
                .isEqualTo(jira.groups().size());
        assertThat(rig.extractor(config).runOnce(false).groups()).as("nor does the next restart").isZero();

    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void aRestartReadsEachIssuesDigestNotItsPayloadAndStillSeesWorklogAndWatcherChanges(JiraFlavour flavour) {
        ExtractorConfig config = config(flavour).withEntities(List.of("issues"));
        rig.extractor(config).runOnce(false);
        int firstPass = rig.issueEvents().size();
        ObjectNode lostWorklog = jira.issues().stream().filter(i -> i.at("/fields/worklog/worklogs").size() >= 1).findFirst().orElseThrow();
        ObjectNode lostWatcher = jira.issues().stream().filter(i -> i.at("/fields/watches/watchers").size() >= 1
                && i != lostWorklog).findFirst().orElseThrow();
        jira.deleteWorklog(lostWorklog.get("key").asText(), lostWorklog.at("/fields/worklog/worklogs/0/id").asText());
        jira.unwatch(lostWatcher.get("key").asText(), JiraIds.user(lostWatcher.at("/fields/watches/watchers/0")).orElseThrow());

        JiraExtractor restarted = rig.extractor(config);

        assertThat(rig.restored().issueDigests()).isEqualTo(DEMO_SITE.issues().size());
        assertThat(rig.restored().issueEventsRead()).as("no issue payload is read back").isZero();
        assertThat(restarted.runOnce(false, true).issues()).isEqualTo(2);
        assertThat(rig.issueEvents().subList(firstPass, rig.issueEvents().size())).extracting(JiraEntityEvent::getJiraKey)
                .containsExactlyInAnyOrder(lostWorklog.get("key").asText(), lostWatcher.get("key").asText());
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void aStateWithoutIssueDigestsIsCompletedOnceFromTheIssuesTopic(JiraFlavour flavour) {
        ExtractorConfig config = config(flavour).withEntities(List.of("issues"));
        rig.extractor(config).runOnce(false);
        rig.dropIssueDigests(config.site(), jira.issues().stream().map(issue -> issue.get("id").asText()).toList());

        rig.extractor(config);
        assertThat(rig.restored().issueDigests()).isZero();
        assertThat(rig.restored().issueEventsRead()).isEqualTo(DEMO_SITE.issues().size());
        int firstPass = rig.issueEvents().size();
        ObjectNode lostWorklog = jira.issues().stream().filter(i -> i.at("/fields/worklog/worklogs").size() >= 1).findFirst().orElseThrow();
        jira.deleteWorklog(lostWorklog.get("key").asText(), lostWorklog.at("/fields/worklog/worklogs/0/id").asText());

        JiraExtractor again = rig.extractor(config);

        assertThat(rig.restored().issueDigests()).as("written while completing").isEqualTo(DEMO_SITE.issues().size());
        assertThat(rig.restored().issueEventsRead()).isZero();
        assertThat(again.runOnce(false).issues()).isEqualTo(1);
        assertThat(rig.issueEvents().subList(firstPass, rig.issueEvents().size())).extracting(JiraEntityEvent::getJiraKey)
                .containsExactly(lostWorklog.get("key").asText());
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void theReconciliationCountsPassesAcrossRestarts(JiraFlavour flavour) {
        ExtractorConfig config = config(flavour).withEntities(List.of("issues")).withReconcileEvery(3);
        assertThat(rig.extractor(config).runOnce(false).deleted()).isZero();
        assertThat(rig.extractor(config).runOnce(false).deleted()).isZero();
        ObjectNode gone = jira.issues().get(5);
        jira.deleteIssue(gone.get("key").asText());

        ExtractionStats thirdPassAfterTwoRestarts = rig.extractor(config).runOnce(false);

        assertThat(thirdPassAfterTwoRestarts.deleted()).as("the third pass reconciles, whichever process makes it").isEqualTo(1);
        JiraExtractor next = rig.extractor(config);
        assertThat(next.runOnce(false).deleted()).isZero();
        assertThat(next.runOnce(false).deleted()).isZero();
        assertThat(rig.issueEvents()).filteredOn(event -> event.getChange() == ChangeType.DELETE)
                .extracting(JiraEntityEvent::getJiraId).containsExactly(gone.get("id").asText());
    }

    private int metadataEvents() {
        return Stream.of(rig.topics().jiraUsers(), rig.topics().jiraGroups(), rig.topics().jiraProjects(),
                rig.topics().jiraVersions()).mapToInt(topic -> rig.events(topic).size()).sum();
    }

    private ExtractorConfig config(JiraFlavour flavour) {
        jira = rig.jira(DEMO_SITE, flavour);
        return rig.config(jira, flavour);
    }
}
