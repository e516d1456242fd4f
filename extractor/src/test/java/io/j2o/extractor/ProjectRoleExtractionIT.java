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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every role of every extracted project reaches the projects topic with its actors, once, and again only on a resync. */
@ExtendWith({EmbeddedKafkaExtension.class, ExtractorRigExtension.class})
class ProjectRoleExtractionIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JiraDataset DATASET = new DatasetGenerator(19).generate(2, 20);

    private ExtractorRig rig;
    private JiraSimulator jira;

    @BeforeEach
    void start(ExtractorRig rig) {
        this.rig = rig;
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void everyRoleOfEveryProjectIsPublishedWithItsActorsOnce(JiraFlavour flavour) {
        jira = rig.jira(DATASET, flavour);
        JiraExtractor extractor = rig.extractor(rig.config(jira, flavour).withEntities(List.of("roles")));

        extractor.runOnce(false);
        List<JiraEntityEvent> roles = rig.events(rig.topics().jiraProjects());
        assertThat(roles).hasSize(6).allSatisfy(event -> {
            assertThat(event.getEntityType()).isEqualTo(JiraEntityType.PROJECT_ROLE);
            assertThat(event.getProjectKey()).isIn("ALPHA", "BETA");
            assertThat(event.getJiraId()).matches("1000[01]_1000[123]");
        });
        JiraEntityEvent developers = roles.stream()
                .filter(event -> event.getProjectKey().equals("ALPHA") && event.getJiraKey().equals("Developers"))
                .findFirst().orElseThrow();
        assertThat(developers.getJiraId()).isEqualTo("10000_10001");
        JsonNode payload = payload(developers);
        assertThat(payload.get("actors").findValuesAsText("type"))
                .containsExactly("atlassian-group-role-actor", "atlassian-user-role-actor");
        assertThat(flavour == JiraFlavour.CLOUD ? payload.at("/actors/0/actorGroup/name").asText()
                : payload.at("/actors/0/name").asText()).isEqualTo("alpha-developers");

        extractor.runOnce(false);
        assertThat(rig.events(rig.topics().jiraProjects())).as("unchanged roles are not published again").hasSize(6);
        extractor.runOnce(true);
        assertThat(rig.events(rig.topics().jiraProjects())).as("a full resync publishes them all").hasSize(12);
    }

    private static JsonNode payload(JiraEntityEvent event) {
        try {
            return JSON.readTree(event.getPayload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
