package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.topics.EntityKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Jira's vocabularies reach the vocabulary topic once each, nothing again while they stay the same (after a restart
 * too), exactly the entry that changed when one does, and a vocabulary the API user may not read leaves the others
 * published.
 */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class VocabularyExtractionIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractorRig rig;
    private JiraSimulator jira;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void everyVocabularyIsPublishedOnceAndAChangedStatusAlone(JiraFlavour flavour) {
        JiraDataset dataset = new DatasetGenerator(23).generate(2, 30);
        JiraSimulator.Options options = options(flavour);
        jira = rig.own(new JiraSimulator(dataset, options).start());
        ExtractorConfig config = rig.config(jira.baseUrl(), options.email(), options.apiToken(), "site", 1)
                .withFlavour(flavour).withEntities(List.of("vocabulary"));
        JiraExtractor extractor = rig.extractor(config);

        ExtractionStats first = extractor.runOnce(false);
        List<JiraEntityEvent> published = rig.events(rig.topics().jiraVocabulary());
        Map<JiraEntityType, Long> byType = published.stream()
                .collect(Collectors.groupingBy(JiraEntityEvent::getEntityType, Collectors.counting()));
        assertThat(byType).containsEntry(JiraEntityType.STATUS, (long) dataset.statuses().size())
                .containsEntry(JiraEntityType.ISSUE_TYPE, (long) dataset.issueTypes().size())
                .containsEntry(JiraEntityType.PRIORITY, (long) dataset.priorities().size())
                .containsEntry(JiraEntityType.STATUS_CATEGORY, categoriesOf(dataset) + 1L)
                .containsEntry(JiraEntityType.RESOLUTION, (long) distinctIds(dataset, "/fields/resolution"))
                .containsEntry(JiraEntityType.ISSUE_LINK_TYPE, linkTypesOf(dataset))
                .containsEntry(JiraEntityType.COMPONENT, componentsOf(dataset))
                .containsKey(JiraEntityType.FIELD);
        assertThat(published).extracting(event -> EntityKeys.jiraKey(event.getEntityType(), event.getJiraId()))
                .doesNotHaveDuplicates().contains("status:10001", "status_category:1", "issue_type:10000",
                        "field:summary");
        assertThat(first.vocabulary()).isEqualTo(published.size());
        assertThat(first.events()).as("the pass counts every event it published").isEqualTo(published.size());
        JiraEntityEvent epic = published.stream().filter(event -> event.getEntityType() == JiraEntityType.ISSUE_TYPE
                && event.getJiraId().equals("10000")).findFirst().orElseThrow();
        // Data Center's issue types carry no hierarchy: its epics are told by the Epic Link field instead.
        assertThat(payload(epic).path("hierarchyLevel").asInt(-1)).isEqualTo(flavour == JiraFlavour.CLOUD ? 1 : -1);
        assertThat(published).filteredOn(event -> event.getEntityType() == JiraEntityType.COMPONENT)
                .extracting(JiraEntityEvent::getProjectKey).containsOnly("ALPHA", "BETA");

        assertThat(extractor.runOnce(false).vocabulary()).as("nothing changed, nothing published").isZero();
        assertThat(rig.extractor(config).runOnce(false).vocabulary())
                .as("a restarted extractor remembers what the topic holds").isZero();

        jira.updateStatus("10001", status -> status.put("name", "Code Review"));
        ExtractionStats renamed = extractor.runOnce(false);
        assertThat(renamed.vocabulary()).isEqualTo(1);
        List<JiraEntityEvent> after = rig.events(rig.topics().jiraVocabulary());
        assertThat(after).hasSize(published.size() + 1);
        JiraEntityEvent last = after.get(after.size() - 1);
        assertThat(EntityKeys.jiraKey(last.getEntityType(), last.getJiraId())).isEqualTo("status:10001");
        assertThat(last.getJiraKey()).isEqualTo("Code Review");
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void aVocabularyTheUserMayNotReadIsSkippedAndTheOthersPublished(JiraFlavour flavour) {
        JiraDataset dataset = new DatasetGenerator(23).generate(1, 10);
        JiraSimulator.Options options = options(flavour);
        jira = rig.own(new JiraSimulator(dataset, options).start());
        jira.faults().htmlPage("GET", options.flavour().apiPath() + "/statuscategory", 1, 403);
        JiraExtractor extractor = rig.extractor(rig.config(jira.baseUrl(), options.email(), options.apiToken(), "site", 1)
                .withFlavour(flavour).withEntities(List.of("vocabulary")));

        ExtractionStats pass = extractor.runOnce(false);

        Set<JiraEntityType> types = rig.events(rig.topics().jiraVocabulary()).stream()
                .map(JiraEntityEvent::getEntityType).collect(Collectors.toSet());
        assertThat(types).doesNotContain(JiraEntityType.STATUS_CATEGORY)
                .contains(JiraEntityType.STATUS, JiraEntityType.ISSUE_TYPE, JiraEntityType.PRIORITY, JiraEntityType.FIELD);
        assertThat(pass.vocabulary()).isPositive();
        assertThat(extractor.runOnce(false).vocabulary()).as("the categories, readable again, come next pass")
                .isEqualTo(categoriesOf(dataset) + 1);
    }

    private static JiraSimulator.Options options(JiraFlavour flavour) {
        return flavour == JiraFlavour.CLOUD ? JiraSimulator.Options.defaults() : JiraSimulator.Options.dataCenter();
    }

    /** Each project's components are those its issues name, told apart per project. */
    private static long componentsOf(JiraDataset dataset) {
        Set<String> components = new HashSet<>();
        dataset.issues().forEach(issue -> issue.at("/fields/components").forEach(component ->
                components.add(issue.at("/fields/project/key").asText() + "/" + component.path("id").asText())));
        return components.size();
    }

    private static int categoriesOf(JiraDataset dataset) {
        return (int) dataset.statuses().stream().map(status -> status.at("/statusCategory/id").asText()).distinct().count();
    }

    private static int distinctIds(JiraDataset dataset, String pointer) {
        return (int) dataset.issues().stream().map(issue -> issue.at(pointer)).filter(JsonNode::isObject)
                .map(node -> node.path("id").asText()).distinct().count();
    }

    private static long linkTypesOf(JiraDataset dataset) {
        Map<String, Boolean> ids = new HashMap<>();
        dataset.issues().forEach(issue -> issue.at("/fields/issuelinks").forEach(link -> ids.put(link.at("/type/id").asText(), true)));
        return ids.size();
    }

    private static JsonNode payload(JiraEntityEvent event) {
        try {
            return JSON.readTree(event.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
