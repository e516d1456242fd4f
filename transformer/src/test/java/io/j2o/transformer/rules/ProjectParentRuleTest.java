package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mapping.projects.parent}: which existing OpenProject project a migrated Jira project goes under. */
class ProjectParentRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void projectGoesUnderTheParentConfiguredForItsKeyOrElseUnderTheOneForEveryProject() throws Exception {
        MappingRules rules = rules(Map.of("alpha", "engineering", "*", "jira-import"));

        assertThat(project(rules, "ALPHA")).isEqualTo(JSON.readTree("""
                {"identifier":"alpha","name":"Project ALPHA","description":{"raw":"About ALPHA"},
                 "_links":{"parent":{"href":"/api/v3/projects/engineering"}}}"""));
        assertThat(project(rules, "BETA").path("_links").path("parent").path("href").asText())
                .isEqualTo("/api/v3/projects/jira-import");
    }

    @Test
    void withoutAnEntryTheProjectStaysAtTheTopLevelAsBefore() throws Exception {
        assertThat(project(rules(Map.of("ALPHA", "engineering")), "BETA")).isEqualTo(JSON.readTree("""
                {"identifier":"beta","name":"Project BETA","description":{"raw":"About BETA"}}"""));
    }

    @Test
    void aProjectIsNeverPutUnderItself() throws Exception {
        assertThat(project(rules(Map.of("*", "hub")), "HUB").has("_links")).isFalse();
    }

    @Test
    void parentMustBeAnOpenProjectIdentifier() {
        assertThatThrownBy(() -> MappingConfig.defaults().withProjectParents(Map.of("ALPHA", "Engineering Dept", "*", "42")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping.projects.parent.alpha")
                .hasMessageContaining("'Engineering Dept'")
                .hasMessageContaining("mapping.projects.parent.*");
    }

    private static MappingRules rules(Map<String, String> parents) {
        return new MappingRules(Catalogs.withRoles(Catalogs.MEMBER), "customField1",
                MappingConfig.defaults().withProjectParents(parents));
    }

    private static JsonNode project(MappingRules rules, String key) {
        JsonNode payload = JSON.createObjectNode().put("id", "100").put("key", key).put("name", "Project " + key)
                .put("description", "About " + key);
        JiraEntityEvent event = JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.PROJECT).setJiraId("100").setJiraKey(key).setProjectKey(key)
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(payload.toString())
                .build();
        return rules.map(event, payload).orElseThrow().body();
    }
}
