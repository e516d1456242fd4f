package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WrittenFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final JsonNode WRITTEN = json("""
            {"subject":"S","description":{"raw":"D"},"lockVersion":3,
             "_links":{"assignee":{"href":"/api/v3/users/4"},"customField7":[{"href":"/o/1"},{"href":"/o/2"}]}}""");

    @Test
    void checksumsNameEveryWrittenFieldAndLinkButNotTheLockVersion() {
        Map<String, String> checksums = WrittenFields.checksums(WRITTEN, WRITTEN);

        assertThat(checksums).containsOnlyKeys("subject", "description", "_links.assignee", "_links.customField7");
        assertThat(checksums.get("subject")).hasSize(12);
    }

    @Test
    void renderingDetailsAreNoEditButAChangedValueIs() {
        Map<String, String> written = WrittenFields.checksums(WRITTEN, WRITTEN);
        JsonNode rendered = json("""
                {"subject":"S","description":{"format":"markdown","raw":"D","html":"<p>D</p>"},"lockVersion":9,
                 "_links":{"assignee":{"href":"/api/v3/users/4","title":"Renamed User"},
                           "customField7":[{"href":"/o/2"},{"href":"/o/1"}]}}""");
        JsonNode edited = json("""
                {"subject":"S2","description":{"raw":"D"},
                 "_links":{"assignee":{"href":null},"customField7":[{"href":"/o/1"},{"href":"/o/2"}]}}""");

        assertThat(WrittenFields.editedSince(written, WRITTEN, rendered)).isEmpty();
        assertThat(WrittenFields.editedSince(written, WRITTEN, edited)).containsExactly("subject", "_links.assignee");
    }

    @Test
    void withoutLeavesTheKeptFieldsAndLinksOut() {
        JsonNode body = WrittenFields.without((ObjectNode) WRITTEN,
                List.of("subject", "_links.assignee"));

        assertThat(WrittenFields.namesIn(body)).containsExactly("description", "_links.customField7");
        assertThat(WRITTEN.has("subject")).as("the command itself is untouched").isTrue();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
