package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.CommandKind;
import org.junit.jupiter.api.Test;

class VersionRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VersionRule rule = new VersionRule();

    @Test
    void releasedVersionStaysOpenSoItsWorkPackagesCanJoinItAndSaysItWasReleased() throws Exception {
        CommandDraft draft = rule.version("10200", JSON.readTree("""
                {"self":"https://jira/rest/api/3/version/10200","id":"10200","name":"1.0","description":"First cut",
                 "archived":false,"released":true,"startDate":"2025-01-06","releaseDate":"2025-02-28",
                 "userReleaseDate":"28/Feb/25","projectId":10000}"""));

        assertThat(draft.kind()).isEqualTo(CommandKind.VERSION);
        assertThat(draft.jiraId()).isEqualTo("10200");
        assertThat(draft.body()).isEqualTo(JSON.readTree("""
                {"name":"1.0","description":{"raw":"_Released in Jira_\\n\\nFirst cut"},"startDate":"2025-01-06",
                 "endDate":"2025-02-28","status":"open","sharing":"none","_links":{"definingProject":{"href":"j2o:ref:project:10000"}}}"""));
    }

    @Test
    void archivedVersionSaysSoAndAnUnreleasedOneWithoutDatesIsPlain() throws Exception {
        JsonNode archived = JSON.readTree("""
                {"id":"10201","name":"0.9","archived":true,"released":false,"projectId":10000}""");
        JsonNode planned = JSON.readTree("""
                {"id":"10202","name":"2.0","archived":false,"released":false,"projectId":10000}""");

        assertThat(rule.version("10201", archived).body().path("description").path("raw").asText()).isEqualTo("_Archived in Jira_");
        assertThat(rule.version("10201", archived).body().path("status").asText()).isEqualTo("open");
        assertThat(rule.version("10202", planned).body()).isEqualTo(JSON.readTree("""
                {"name":"2.0","description":{"raw":""},"startDate":null,"endDate":null,"status":"open",
                 "sharing":"none","_links":{"definingProject":{"href":"j2o:ref:project:10000"}}}"""));
    }

    @Test
    void versionWithoutItsProjectCannotBeMapped() throws Exception {
        assertThatThrownBy(() -> rule.version("10203", JSON.readTree("{\"id\":\"10203\",\"name\":\"3.0\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("projectId");
    }
}
