package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MappingRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MappingRules rules = new MappingRules(Catalogs.withRoles(Catalogs.MEMBER), "customField1",
            MappingConfig.defaults());

    @Test
    void wikiMarkupDescriptionOfADataCenterIssueBecomesMarkdown() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10001","key":"DC-1","fields":{"summary":"Crash on save",
                 "description":"h2. Steps\\r\\n# Open *Settings*\\r\\n# Press {{Save}}\\r\\n\\r\\n{code:java}\\r\\nsave();\\r\\n{code}\\r\\nSee [the log|https://ci.example.com/1] and [~jdoe].",
                 "issuetype":{"name":"Task"},"status":{"name":"New"},"priority":{"name":"Normal"},
                 "project":{"id":"10000","key":"DC"}}}
                """);

        CommandDraft draft = rules.map(event("10001", "DC-1", issue), issue).orElseThrow();

        assertThat(draft.body().path("description").path("raw").asText()).isEqualTo("""
                ## Steps

                1. Open **Settings**
                2. Press `Save`

                ```java
                save();
                ```

                See [the log](https://ci.example.com/1) and @jdoe.""");
    }

    @Test
    void plainStringDescriptionStaysReadableText() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10002","key":"DC-2","fields":{"summary":"s","description":"Costs 5 * 3 and uses a_b_c, see #12",
                 "project":{"id":"10000"}}}
                """);

        CommandDraft draft = rules.map(event("10002", "DC-2", issue), issue).orElseThrow();

        assertThat(draft.body().path("description").path("raw").asText()).isEqualTo("Costs 5 \\* 3 and uses a\\_b\\_c, see #12");
    }

    @Test
    void dataCenterCommentKeepsAuthorAndEditTimeEscapedAndEndsWithItsMarker() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10003","key":"DC-3","fields":{"summary":"s","project":{"id":"10000"},
                 "comment":{"startAt":0,"maxResults":2,"total":2,"comments":[
                   {"id":"501","author":{"name":"j_doe_*x*"},"body":"Use *bold*",
                    "created":"2025-03-04T11:11:12.000+0100","updated":"2025-03-05T09:00:00.000+0000"},
                   {"id":"502","body":""}]}}}
                """);

        IssueChildren comments = rules.children(event("10003", "DC-3", issue), issue).get(0);

        assertThat(comments.kind()).isEqualTo(CommandKind.COMMENT);
        assertThat(comments.complete()).isTrue();
        assertThat(comments.upserts()).extracting(CommandDraft::jiraId).containsExactly("501", "502");
        assertThat(comments.upserts().get(0).body().path("comment").path("raw").asText()).isEqualTo("""
                *Originally by j\\_doe\\_\\*x\\* on 2025-03-04T10:11:12Z, edited 2025-03-05T09:00:00Z in Jira*

                Use **bold**

                <!-- j2o:comment:501 -->""");
        assertThat(comments.upserts().get(1).body().path("comment").path("raw").asText()).isEqualTo("""
                *Originally by an unknown user in Jira*

                <!-- j2o:comment:502 -->""");
        assertThat(comments.upserts().get(0).body().path("_links").path("workPackage").path("href").asText())
                .isEqualTo("j2o:ref:work_package:10003");
    }

    @Test
    void issueFetchedWithoutItsChildFieldsSaysNothingAboutChildren() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10004","key":"DC-4","fields":{"summary":"s","project":{"id":"10000"}}}
                """);

        assertThat(rules.children(event("10004", "DC-4", issue), issue)).isEmpty();
    }

    @Test
    void cloudSubTaskBecomesAWorkPackageWhoseParentWaitsForTheParentsWorkPackage() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10011","key":"CL-11","fields":{"summary":"Write the migration guide",
                 "issuetype":{"name":"Sub-task","subtask":true,"hierarchyLevel":-1},"status":{"name":"New"},
                 "priority":{"name":"Normal"},"project":{"id":"10000","key":"CL"},
                 "parent":{"id":"10010","key":"CL-10","self":"https://jira/rest/api/3/issue/10010",
                           "fields":{"summary":"Docs","issuetype":{"name":"Story"}}}}}
                """);

        CommandDraft draft = rules.map(event("10011", "CL-11", issue, JiraFlavour.CLOUD), issue).orElseThrow();

        assertThat(draft.body()).isEqualTo(JSON.readTree("""
                {"subject":"Write the migration guide","customField1":"CL-11","description":{"raw":""},
                 "dueDate":null,"estimatedTime":null,"remainingTime":null,
                 "_links":{"project":{"href":"j2o:ref:project:10000"},"type":{"href":"/api/v3/types/1"},
                           "status":{"href":"/api/v3/statuses/1"},"priority":{"href":"/api/v3/priorities/8"},
                           "assignee":{"href":null},"responsible":{"href":null},"version":{"href":null},
                           "parent":{"href":"j2o:ref:work_package:10010"}}}
                """));
    }

    @Test
    void issueWithoutAParentClearsTheWorkPackagesParent() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10012","key":"CL-12","fields":{"summary":"s","project":{"id":"10000"}}}
                """);

        CommandDraft draft = rules.map(event("10012", "CL-12", issue, JiraFlavour.CLOUD), issue).orElseThrow();

        JsonNode parent = draft.body().path("_links").path("parent");
        assertThat(parent.isObject()).isTrue();
        assertThat(parent.get("href").isNull()).as("an explicit null href removes a parent that was there").isTrue();
    }

    @Test
    void dataCenterSubTaskParentIsMappedAndAnEpicLinkWaitsForTheEpicsKeyAlias() throws Exception {
        JsonNode subTask = JSON.readTree("""
                {"id":"10005","key":"DC-5","fields":{"summary":"s","project":{"id":"10000"},
                 "parent":{"id":"10004","key":"DC-4"},"customfield_10100":null}}
                """);
        JsonNode epicChild = JSON.readTree("""
                {"id":"10006","key":"DC-6","fields":{"summary":"s","project":{"id":"10000"},"customfield_10100":"DC-1"}}
                """);
        JsonNode namedEpicChild = JSON.readTree("""
                {"id":"10007","key":"DC-7","names":{"customfield_12345":"Epic Link"},
                 "fields":{"summary":"s","project":{"id":"10000"},"customfield_12345":"DC-1"}}
                """);

        assertThat(rules.map(event("10005", "DC-5", subTask), subTask).orElseThrow().body().at("/_links/parent/href").asText())
                .isEqualTo("j2o:ref:work_package:10004");
        assertThat(rules.map(event("10006", "DC-6", epicChild), epicChild).orElseThrow().body().at("/_links/parent/href").asText())
                .as("an epic named by key waits for the key's alias").isEqualTo("j2o:ref:issue_key:DC-1");
        assertThat(rules.map(event("10007", "DC-7", namedEpicChild, JiraFlavour.CLOUD), namedEpicChild).orElseThrow()
                .body().at("/_links/parent/href").asText()).as("the Epic Link field id comes from names")
                .isEqualTo("j2o:ref:issue_key:DC-1");
    }

    @Test
    void groupDeletedInJiraBecomesADeleteOfItsGroupButADeletedUserRemovesNothing() {
        CommandDraft group = rules.deletion(deleted(JiraEntityType.GROUP, "grp-7")).orElseThrow();

        assertThat(group.kind()).isEqualTo(CommandKind.GROUP);
        assertThat(group.action()).isEqualTo(CommandAction.DELETE);
        assertThat(group.jiraId()).isEqualTo("grp-7");
        assertThat(rules.deletion(deleted(JiraEntityType.USER, "acc-1"))).as("history names the user").isEmpty();
        assertThat(rules.deletion(deleted(JiraEntityType.VERSION, "300"))).isEmpty();
    }

    private static JiraEntityEvent deleted(JiraEntityType type, String id) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(type).setJiraId(id).setJiraKey(null).setProjectKey(null)
                .setChange(ChangeType.DELETE).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(null)
                .build();
    }

    private static JiraEntityEvent event(String id, String key, JsonNode payload) {
        return event(id, key, payload, JiraFlavour.DATA_CENTER);
    }

    private static JiraEntityEvent event(String id, String key, JsonNode payload, JiraFlavour flavour) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId(id).setJiraKey(key).setProjectKey("DC")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", flavour, "2")).setPayload(payload.toString())
                .build();
    }
}
