package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DesiredStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CURRENT = """
            {"_type":"WorkPackage","id":12,"lockVersion":3,"subject":"Fix login","customField1":"ALPHA-1",
             "description":{"format":"markdown","raw":"Steps","html":"<p>Steps</p>"},
             "_links":{"self":{"href":"/api/v3/work_packages/12"},"type":{"href":"/api/v3/types/1","title":"Task"},
                       "status":{"href":"/api/v3/statuses/1"},"assignee":{"href":null}}}
            """;

    @Test
    void bodyAlreadyInPlaceNeedsNoWrite() throws Exception {
        JsonNode desired = JSON.readTree("""
                {"subject":"Fix login","customField1":"ALPHA-1","description":{"raw":"Steps"},
                 "_links":{"type":{"href":"/api/v3/types/1"},"status":{"href":"/api/v3/statuses/1"},"assignee":{"href":null}}}
                """);
        assertThat(DesiredState.isSatisfiedBy(desired, JSON.readTree(CURRENT))).isTrue();
    }

    @Test
    void changedScalarFormattableOrLinkNeedsAWrite() throws Exception {
        JsonNode current = JSON.readTree(CURRENT);
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"subject\":\"Other\"}"), current)).isFalse();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"description\":{\"raw\":\"Other\"}}"), current)).isFalse();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"_links\":{\"status\":{\"href\":\"/api/v3/statuses/7\"}}}"), current)).isFalse();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"_links\":{\"assignee\":{\"href\":\"/api/v3/users/4\"}}}"), current)).isFalse();
    }

    @Test
    void parentIsComparedByHrefSoSettingMovingOrClearingItNeedsAWrite() throws Exception {
        JsonNode orphan = JSON.readTree(CURRENT.replace("\"assignee\":{\"href\":null}", "\"parent\":{\"href\":null}"));
        JsonNode child = JSON.readTree(CURRENT.replace("\"assignee\":{\"href\":null}",
                "\"parent\":{\"href\":\"/api/v3/work_packages/40\",\"title\":\"Epic\"}"));
        JsonNode underForty = JSON.readTree("{\"_links\":{\"parent\":{\"href\":\"/api/v3/work_packages/40\"}}}");
        JsonNode noParent = JSON.readTree("{\"_links\":{\"parent\":{\"href\":null}}}");

        assertThat(DesiredState.isSatisfiedBy(underForty, child)).isTrue();
        assertThat(DesiredState.isSatisfiedBy(noParent, orphan)).isTrue();
        assertThat(DesiredState.isSatisfiedBy(underForty, orphan)).as("set").isFalse();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"_links\":{\"parent\":{\"href\":\"/api/v3/work_packages/41\"}}}"),
                child)).as("moved").isFalse();
        assertThat(DesiredState.isSatisfiedBy(noParent, child)).as("cleared").isFalse();
    }

    @Test
    void hoursAreComparedByLengthNotByHowTheyAreWritten() throws Exception {
        JsonNode current = JSON.readTree("{\"estimatedTime\":\"PT1H30M\",\"remainingTime\":\"PT0H20M15S\",\"dueDate\":null}");

        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"estimatedTime\":\"PT1.5H\",\"remainingTime\":\"PT0.3375H\"}"),
                current)).isTrue();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"estimatedTime\":\"PT1.75H\"}"), current)).isFalse();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"estimatedTime\":null}"), current)).as("cleared").isFalse();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"dueDate\":\"2024-05-01\"}"), current)).isFalse();
        assertThat(DesiredState.isSatisfiedBy(JSON.readTree("{\"dueDate\":null}"), current)).isTrue();
    }
}
