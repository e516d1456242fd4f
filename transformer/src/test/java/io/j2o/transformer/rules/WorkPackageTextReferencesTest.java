package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.transformer.resolve.SoftReferences;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The soft references of issue and comment texts, their fallback text, and what the report expects once resolved. */
class WorkPackageTextReferencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every migrated description ends with its issue's key as a link to it in Jira, when the site is known. */
    private static final String LINK_BACK = "\n\n*Migrated from Jira issue [DC-1](https://jira.corp.example/browse/DC-1)*";
    private final MappingRules rules = new MappingRules(Catalogs.withRoles(Catalogs.MEMBER), "customField1",
            MappingConfig.defaults());

    private final JsonNode issue = json("""
            {"id":"10001","key":"DC-1","self":"https://jira.corp.example/rest/api/2/issue/10001",
             "fields":{"summary":"s","project":{"id":"10000"},
              "description":"Dup of DC-2, ask [~jdoe]: !crash.png! !other.png!",
              "attachment":[{"id":"30001","filename":"crash.png","size":3,"content":"https://jira.corp.example/a/30001"}],
              "comment":{"startAt":0,"maxResults":1,"total":1,"comments":[
               {"id":"501","self":"https://jira.corp.example/rest/api/2/issue/10001/comment/501",
                "author":{"name":"ann","displayName":"Ann"},"body":"Same as DC-2 !crash.png!",
                "created":"2025-03-04T10:11:12.123+0000","updated":"2025-03-04T10:11:12.123+0000"}]}}}
            """);

    @Test
    void descriptionReadsAsFallbackWithJiraLinksUntilTheTargetsAreMigrated() {
        ObjectNode body = workPackage();

        assertThat(body.at("/description/raw").asText()).isEqualTo(
                "Dup of [DC-2](https://jira.corp.example/browse/DC-2), ask @jdoe: \\[attachment: crash.png\\] "
                        + "\\[attachment: other.png\\]" + LINK_BACK);
        assertThat(body.at("/_j2o/texts/0/references")).extracting(reference -> reference.path("ref").asText(null))
                .as("a file the issue does not have attached cannot be resolved")
                .containsExactly("issue_key:DC-2", "user_name:jdoe", "attachment:30001", null);
    }

    @Test
    void imageOfAFileTheIssueDoesNotHaveIsCountedAsUnresolvable() {
        assertThat(SoftReferences.unresolvable(workPackage())).containsExactly("ATTACHMENT other.png");
    }

    @Test
    void reportExpectsEveryMigratedTargetResolvedAndTheRestAsFallback() {
        Map<String, Long> migrated = Map.of("issue_key:DC-2", 42L, "attachment:30001", 90L);

        ObjectNode expected = SoftReferences.expected(workPackage(), key -> Optional.ofNullable(migrated.get(key)));

        assertThat(expected.at("/description/raw").asText()).isEqualTo(
                "Dup of #42, ask @jdoe: ![crash.png](/api/v3/attachments/90/content) \\[attachment: other.png\\]"
                        + LINK_BACK);
    }

    @Test
    void commentTextReferencesTheIssuesAttachmentsToo() {
        CommandDraft comment = rules.children(event(), issue).stream()
                .filter(children -> children.kind() == CommandKind.COMMENT).findFirst().orElseThrow()
                .upserts().get(0);

        ObjectNode expected = SoftReferences.expected(comment.body(), key -> key.equals("attachment:30001")
                ? Optional.of(90L) : Optional.empty());

        assertThat(comment.body().at("/comment/raw").asText()).contains(
                "Same as [DC-2](https://jira.corp.example/browse/DC-2) \\[attachment: crash.png\\]");
        assertThat(expected.at("/comment/raw").asText())
                .contains("Same as [DC-2](https://jira.corp.example/browse/DC-2) ![crash.png](/api/v3/attachments/90/content)")
                .endsWith(comment.body().at("/comment/raw").asText().substring(
                        comment.body().at("/comment/raw").asText().lastIndexOf('\n')));
    }

    @Test
    void textWithoutReferencesCarriesNoTextSection() {
        JsonNode plain = json("""
                {"id":"10003","key":"DC-3","fields":{"summary":"s","project":{"id":"10000"},"description":"Nothing here"}}
                """);

        CommandDraft draft = rules.map(event(), plain).orElseThrow();

        assertThat(draft.body().path("_j2o").has("texts")).isFalse();
        assertThat(draft.body().at("/description/raw").asText()).as("a payload without self names no site to link back to")
                .isEqualTo("Nothing here");
    }

    private ObjectNode workPackage() {
        return rules.map(event(), issue).orElseThrow().body();
    }

    private static JiraEntityEvent event() {
        return JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId("10001").setJiraKey("DC-1").setProjectKey("DC")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.DATA_CENTER, "2")).setPayload("{}")
                .build();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
