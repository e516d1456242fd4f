package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code _j2o.original}: who created the issue in Jira and when, for the loader to keep where OpenProject lets it. */
class WorkPackageOriginalTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MappingRules rules = new MappingRules(Catalogs.withRoles(Catalogs.MEMBER), "customField1",
            MappingConfig.defaults());

    @Test
    void creatorAndCreationTimeInUtcWithMilliseconds() throws Exception {
        JsonNode original = original("""
                "created":"2024-02-29T23:30:05.120+0100","creator":{"accountId":"c-1"},"reporter":{"accountId":"r-1"},""");

        assertThat(original.path("createdAt").asText()).isEqualTo("2024-02-29T22:30:05.120Z");
        assertThat(original.at("/author/href").asText()).isEqualTo("j2o:ref:user:c-1");
    }

    @Test
    void reporterStandsInForAMissingCreatorAndNobodyLeavesTheAuthorOut() throws Exception {
        assertThat(original("\"created\":\"2024-03-01T00:00:00.000+0000\",\"reporter\":{\"key\":\"JIRAUSER1\"},")
                .at("/author/href").asText()).isEqualTo("j2o:ref:user:JIRAUSER1");
        JsonNode nobody = original("\"created\":\"2024-03-01T00:00:00.000+0000\",\"creator\":null,\"reporter\":null,");
        assertThat(nobody.path("createdAt").asText()).isEqualTo("2024-03-01T00:00:00.000Z");
        assertThat(nobody.has("author")).isFalse();
    }

    @Test
    void issueWithoutCreationTimeHasNoOriginal() throws Exception {
        assertThat(original("\"creator\":{\"accountId\":\"c-1\"},").isMissingNode()).isTrue();
    }

    private JsonNode original(String fields) throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10001","key":"A-1","fields":{%s"summary":"s","project":{"id":"10000"}}}""".formatted(fields));
        JiraEntityEvent event = JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId("10001").setJiraKey("A-1").setProjectKey("A")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.EPOCH)
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(issue.toString()).build();
        return rules.map(event, issue).orElseThrow().body().at("/_j2o/original");
    }
}
