package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraFlavour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An issue is published with the users watching it in {@code fields.watches.watchers}, though Jira embeds only the
 * count: one extra request per watched issue, none for an issue nobody watches; on Cloud and on Data Center.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class WatcherExtractionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JiraDataset DATASET = new DatasetGenerator(23).generate(2, 50);

    private ExtractorRig rig;
    private JiraSimulator jira;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void everyIssueIsPublishedWithItsCompleteWatcherListAtOneRequestPerWatchedIssue(JiraFlavour flavour) {
        jira = rig.jira(DATASET, flavour);
        ExtractorConfig config = rig.config(jira, flavour).withEntities(List.of("issues"));

        rig.extractor(config).runOnce(false);

        Map<String, JsonNode> published = rig.issueEvents().stream().collect(Collectors.toMap(JiraEntityEvent::getJiraId,
                event -> payload(event).get("fields").get("watches"), (a, b) -> b));
        assertThat(published).hasSize(DATASET.issues().size());
        Map<String, JsonNode> stored = jira.issues().stream().collect(Collectors.toMap(i -> i.get("id").asText(),
                i -> i.at("/fields/watches"), (a, b) -> b, java.util.LinkedHashMap::new));
        assertThat(published).allSatisfy((id, watches) -> {
            assertThat(watches.get("watchers")).as("issue %s", id).isEqualTo(stored.get(id).get("watchers"));
            assertThat(watches.get("watchCount").asInt()).isEqualTo(watches.get("watchers").size());
        });
        assertThat(published.values()).anySatisfy(w -> assertThat(w.get("watchers")).hasSize(3));
        assertThat(published.values()).flatExtracting(w -> list(w.get("watchers"))).allSatisfy(user -> {
            if (flavour == JiraFlavour.CLOUD) {
                assertThat(user.has("accountId")).isTrue();
            } else {
                assertThat(user.get("key").asText()).startsWith("JIRAUSER");
            }
        });

        long watched = stored.values().stream().filter(w -> w.get("watchCount").asInt() > 0).count();
        long watcherReads = jira.requests().stream().filter(r -> r.path().endsWith("/watchers")).count();
        assertThat(watched).isPositive().isLessThan(stored.size());
        assertThat(watcherReads).as("one read per watched issue, none for the others").isEqualTo(watched);
    }

    @org.junit.jupiter.api.Test
    void watchersJiraCountsButDoesNotListArePublishedAsAShortListWithTheCount() {
        JiraSimulator.Options options = JiraSimulator.Options.defaults();
        jira = rig.own(new JiraSimulator(DATASET, options).start());
        String key = DATASET.issues().get(0).get("key").asText();
        // As a real site answers an API user without "View voters and watchers": the count, but nobody listed.
        jira.updateIssue(key, fields -> fields.putObject("watches").put("watchCount", 2).put("isWatching", false));

        rig.extractor(rig.config(jira.baseUrl(), options.email(), options.apiToken(), "site", 1)
                .withEntities(List.of("issues"))).runOnce(false);

        JsonNode watches = rig.issueEvents().stream().filter(e -> e.getJiraKey().equals(key)).reduce((a, b) -> b)
                .map(e -> payload(e).at("/fields/watches")).orElseThrow();
        assertThat(watches.get("watchCount").asInt()).isEqualTo(2);
        assertThat(watches.get("watchers")).isEmpty();
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static JsonNode payload(JiraEntityEvent event) {
        try {
            return JSON.readTree(event.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
