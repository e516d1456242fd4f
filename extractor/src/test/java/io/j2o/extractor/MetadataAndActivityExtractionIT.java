package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Users and versions reach their topics once and again only when they change; an issue whose comments and worklogs
 * Jira embeds only partly is published with all of them; on Cloud and on Data Center.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class MetadataAndActivityExtractionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JiraDataset DATASET = new DatasetGenerator(19).generate(2, 60);

    private ExtractorRig rig;
    private JiraSimulator jira;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void usersAndVersionsArePublishedOnceAndNotAgainWhileUnchanged(JiraFlavour flavour) {
        JiraExtractor extractor = rig.extractor(config(flavour));
        ExtractionStats first = extractor.runOnce(false);

        List<JiraEntityEvent> users = rig.events(rig.topics().jiraUsers());
        List<JiraEntityEvent> versions = rig.events(rig.topics().jiraVersions());
        assertThat(users).hasSize(DATASET.users().size()).hasSize(first.users())
                .allSatisfy(user -> assertThat(user.getEntityType()).isEqualTo(JiraEntityType.USER));
        assertThat(versions).hasSize(DATASET.versions().size()).hasSize(first.versions())
                .allSatisfy(version -> assertThat(version.getProjectKey()).isIn("ALPHA", "BETA"));
        assertThat(users).extracting(JiraEntityEvent::getJiraId).doesNotHaveDuplicates().allSatisfy(id ->
                assertThat(id).matches(flavour == JiraFlavour.CLOUD ? "[0-9a-f]{24}" : "JIRAUSER\\d+"));
        assertThat(users).as("the deactivated user too").anySatisfy(user -> assertThat(payload(user).get("active").asBoolean()).isFalse());
        JiraEntityEvent version = versions.get(0);
        assertThat(payload(version).get("projectId").asText())
                .isEqualTo(DATASET.projects().stream().filter(p -> p.get("key").asText().equals(version.getProjectKey()))
                        .findFirst().orElseThrow().get("id").asText());

        ExtractionStats second = extractor.runOnce(false);
        assertThat(second.users()).isZero();
        assertThat(second.versions()).isZero();
        assertThat(rig.events(rig.topics().jiraUsers())).hasSize(users.size());
        assertThat(rig.events(rig.topics().jiraVersions())).hasSize(versions.size());
        assertThat(rig.events(rig.topics().jiraProjects())).filteredOn(event -> event.getEntityType() == JiraEntityType.PROJECT)
                .as("projects are deduplicated the same way").hasSize(2);

        assertThat(extractor.runOnce(true).users()).as("a full resync publishes everything").isEqualTo(users.size());
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void groupsArePublishedWithAllTheirMembersOnceAndAgainOnlyWhenTheyChange(JiraFlavour flavour) {
        JiraExtractor extractor = rig.extractor(config(flavour).withEntities(List.of("groups")));
        ExtractionStats first = extractor.runOnce(false);

        List<JiraEntityEvent> groups = rig.events(rig.topics().jiraGroups());
        assertThat(groups).hasSize(jira.groups().size()).hasSize(first.groups());
        Map<String, JsonNode> served = jira.groups().stream()
                .collect(Collectors.toMap(group -> group.get("name").asText(), group -> group));
        assertThat(groups).allSatisfy(event -> {
            assertThat(event.getEntityType()).isEqualTo(JiraEntityType.GROUP);
            assertThat(event.getProjectKey()).isNull();
            JsonNode group = served.get(event.getJiraKey());
            assertThat(event.getJiraId()).isEqualTo(flavour == JiraFlavour.CLOUD
                    ? group.get("groupId").asText() : group.get("name").asText());
            assertThat(payload(event)).as("the group JSON with every member, inactive ones too").isEqualTo(group);
        });
        assertThat(groups).as("the empty group too").anySatisfy(event -> assertThat(payload(event).get("users")).isEmpty());
        assertThat(groups).as("a group with several members")
                .anySatisfy(event -> assertThat(payload(event).get("users").size()).isGreaterThan(2));

        assertThat(extractor.runOnce(false).groups()).as("unchanged").isZero();
        assertThat(rig.events(rig.topics().jiraGroups())).hasSize(groups.size());
        assertThat(extractor.runOnce(true).groups()).as("a full resync publishes everything").isEqualTo(groups.size());
    }

    @Test
    void usersAndVersionsAreReadAgainOnlyOnceTheRefreshIntervalPassedOrOnAFullResync() {
        ExtractorConfig config = config(JiraFlavour.CLOUD).withMetadataRefresh(Duration.ofHours(1));
        JiraExtractor extractor = rig.extractor(config);
        extractor.runOnce(false);
        int userSearches = userSearches();
        assertThat(userSearches).isPositive();

        extractor.runOnce(false);
        assertThat(userSearches()).as("within the interval").isEqualTo(userSearches);
        assertThat(jira.requests()).filteredOn(r -> r.path().endsWith("/versions")).hasSize(2);

        extractor.runOnce(true);
        assertThat(userSearches()).as("a full resync reads them again").isEqualTo(2 * userSearches);
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void anIssueIsPublishedWithAllOfItsCommentsAndWorklogsThoughJiraEmbedsTwentyOfEach(JiraFlavour flavour) {
        ExtractorConfig config = config(flavour);
        String key = "ALPHA-2";
        jira.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        jira.updateIssue(key, fields -> {
            fields.set("comment", page("comments", 30, i -> JSON.createObjectNode().put("id", String.valueOf(700000 + i))
                    .put("body", "comment " + i)));
            fields.set("worklog", page("worklogs", 25, i -> JSON.createObjectNode().put("id", String.valueOf(800000 + i))
                    .put("timeSpentSeconds", 900)));
        });
        assertThat(jira.issue(key).orElseThrow().at("/fields/worklog/worklogs")).hasSize(25);

        rig.extractor(config.withEntities(List.of("issues"))).runOnce(false);

        Map<String, JiraEntityEvent> byKey = rig.issueEvents().stream()
                .collect(Collectors.toMap(JiraEntityEvent::getJiraKey, Function.identity(), (a, b) -> b));
        JsonNode fields = payload(byKey.get(key)).get("fields");
        assertThat(fields.at("/comment/comments")).hasSize(30);
        assertThat(fields.at("/comment/total").asInt()).isEqualTo(30);
        assertThat(fields.at("/comment/comments/29/body").asText()).isEqualTo("comment 29");
        assertThat(fields.at("/worklog/worklogs")).hasSize(25);
        assertThat(fields.at("/worklog/total").asInt()).isEqualTo(25);
        assertThat(fields.at("/worklog/worklogs/24/id").asText()).isEqualTo("800024");
        assertThat(byKey.values()).allSatisfy(event -> {
            JsonNode issue = payload(event).get("fields");
            assertThat(issue.at("/comment/comments").size()).isEqualTo(issue.at("/comment/total").asInt());
            assertThat(issue.at("/worklog/worklogs").size()).isEqualTo(issue.at("/worklog/total").asInt());
        });
        assertThat(rig.events(rig.topics().jiraUsers())).as("only issues were asked for").isEmpty();
        long truncatedLists = jira.issues().stream().mapToLong(issue -> (issue.at("/fields/comment/total").asInt() > 20 ? 1 : 0)
                + (issue.at("/fields/worklog/total").asInt() > 20 ? 1 : 0)).sum();
        long listReads = jira.requests().stream().filter(r -> r.path().matches(".*/issue/[^/]+/(comment|worklog)")).count();
        assertThat(listReads).as("each truncated list is read once, in one page; no other list is").isEqualTo(truncatedLists);
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void anIssueIsPublishedWithItsWholeHistoryThoughCloudEmbedsOnlyTheRecentPart(JiraFlavour flavour) {
        ExtractorConfig config = config(flavour);
        String key = "ALPHA-2";
        jira.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        for (int edit = 0; edit < 45; edit++) {
            String summary = "edit " + edit;
            jira.updateIssue(key, fields -> fields.put("summary", summary));
        }
        JsonNode stored = jira.issue(key).orElseThrow().at("/changelog/histories");
        assertThat(stored.size()).isGreaterThanOrEqualTo(45);

        rig.extractor(config.withEntities(List.of("issues"))).runOnce(false);

        Map<String, JiraEntityEvent> byKey = rig.issueEvents().stream()
                .collect(Collectors.toMap(JiraEntityEvent::getJiraKey, Function.identity(), (a, b) -> b));
        JsonNode changelog = payload(byKey.get(key)).get("changelog");
        assertThat(changelog.get("histories")).containsExactlyElementsOf(stored);
        assertThat(changelog.get("total").asInt()).isEqualTo(stored.size());
        assertThat(byKey.values()).allSatisfy(event -> {
            JsonNode history = payload(event).get("changelog");
            assertThat(history.get("histories").size()).isEqualTo(history.get("total").asInt());
        });
        List<String> longHistories = jira.issues().stream().filter(issue -> issue.at("/changelog/histories").size() > 40)
                .map(issue -> issue.get("id").asText()).toList();
        assertThat(longHistories).isNotEmpty();
        assertThat(historiesRead(flavour)).as("each history longer than Cloud embeds is read once; Data Center embeds them whole")
                .containsExactlyInAnyOrderElementsOf(flavour == JiraFlavour.CLOUD ? longHistories : List.of());
    }

    /**
     * The issues whose history the extractor read apart from the issue: Cloud one by one from {@code /issue/{id}/changelog}
     * (its first page) or several at once through {@code /changelog/bulkfetch} (its first page); Data Center by reading
     * an issue alone with {@code expand=changelog}.
     */
    private List<String> historiesRead(JiraFlavour flavour) {
        if (flavour == JiraFlavour.DATA_CENTER) {
            return jira.requests().stream().filter(r -> r.query() != null && r.query().contains("expand=changelog"))
                    .map(r -> r.path()).toList();
        }
        return jira.requests().stream().<String>mapMulti((r, read) -> {
            if (r.path().endsWith("/changelog") && (r.query() == null || r.query().contains("startAt=0"))) {
                read.accept(r.path().split("/")[5]);
            } else if (r.path().equals("/rest/api/3/changelog/bulkfetch")) {
                try {
                    JsonNode body = JSON.readTree(r.body());
                    if (!body.has("nextPageToken")) {
                        body.get("issueIdsOrKeys").forEach(id -> read.accept(id.asText()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }).toList();
    }

    private int userSearches() {
        return (int) jira.requests().stream().filter(r -> r.path().endsWith("/users/search")).count();
    }

    private ExtractorConfig config(JiraFlavour flavour) {
        jira = rig.jira(DATASET, flavour);
        return rig.config(jira, flavour);
    }

    private static ObjectNode page(String list, int count, Function<Integer, ObjectNode> item) {
        ObjectNode page = JSON.createObjectNode().put("startAt", 0).put("maxResults", count).put("total", count);
        ArrayNode items = page.putArray(list);
        for (int i = 0; i < count; i++) {
            items.add(item.apply(i));
        }
        return page;
    }

    private static JsonNode payload(JiraEntityEvent event) {
        try {
            return JSON.readTree(event.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
