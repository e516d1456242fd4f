package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.transformer.resolve.SoftReferences;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorklogRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorklogRule rule = new WorklogRule(new RichTextField());

    @Test
    void cloudWorklogBecomesATimeEntryOnTheAuthorsDayWithItsOriginAndMarker() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"worklog":{"startAt":0,"maxResults":20,"total":1,"worklogs":[
                  {"id":"40001","issueId":"10031","author":{"accountId":"a-1","displayName":"Ann"},
                   "comment":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                     {"type":"text","text":"Pairing on "},{"type":"text","text":"login","marks":[{"type":"strong"}]}]}]},
                   "started":"2025-03-04T23:30:00.000-0800","timeSpentSeconds":5400,
                   "created":"2025-03-05T08:00:00.000+0000","updated":"2025-03-05T08:00:00.000+0000"}]}}
                """);

        IssueChildren entries = rule.timeEntries("10031", "CL-31", fields).orElseThrow();

        assertThat(entries.kind()).isEqualTo(CommandKind.TIME_ENTRY);
        assertThat(entries.complete()).isTrue();
        CommandDraft upsert = entries.children().get(0).upsert();
        assertThat(upsert.jiraId()).isEqualTo("40001");
        assertThat(upsert.body()).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"j2o:ref:work_package:10031"},"user":{"href":"j2o:ref:user:a-1"}},
                 "hours":"PT1.5H","spentOn":"2025-03-04",
                 "comment":{"raw":"Originally logged by Ann on 2025-03-05T08:00:00Z in Jira\\n\\nPairing on **login**\\n\\n[j2o:worklog:40001]"},
                 "_j2o":{"awaits":["j2o:ref:membership:10000_a-1"]}}
                """));
    }

    @Test
    void dataCenterWorklogWithoutCommentKeepsTheHeaderAndItsRemovalNamesTheEntryByMarker() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"worklog":{"startAt":0,"maxResults":1,"total":2,"worklogs":[
                  {"id":"40002","author":{"key":"JIRAUSER1","name":"ann","displayName":"Ann"},
                   "started":"2025-03-04T09:00:00.000+0100","timeSpentSeconds":60,
                   "created":"2025-03-04T10:00:00.000+0100"}]}}
                """);

        IssueChildren entries = rule.timeEntries("10032", "DC-32", fields).orElseThrow();

        assertThat(entries.complete()).as("Jira holds two, the payload lists one").isFalse();
        IssueChildren.Child entry = entries.children().get(0);
        assertThat(entry.upsert().body().path("hours").asText()).isEqualTo("PT0.0167H");
        assertThat(entry.upsert().body().at("/comment/raw").asText())
                .isEqualTo("Originally logged by Ann on 2025-03-04T09:00:00Z in Jira\n\n[j2o:worklog:40002]");
        assertThat(entry.removal().action()).isEqualTo(CommandAction.DELETE);
        assertThat(entry.removal().body()).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"j2o:ref:work_package:10032"}},
                 "comment":{"raw":"[j2o:worklog:40002]"}}
                """));
    }

    @Test
    void worklogOfAnAnonymisedAuthorIsLoggedForTheApiUserAndAwaitsNoMembership() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"worklog":{"total":1,"worklogs":[
                  {"id":"40003","author":{"displayName":"Former user"},"started":"2025-03-04T09:00:00.000+0000",
                   "timeSpentSeconds":7200}]}}
                """);

        JsonNode body = rule.timeEntries("10033", "CL-33", fields).orElseThrow().children().get(0).upsert().body();

        assertThat(body.path("_links").has("user")).isFalse();
        assertThat(body.has("_j2o")).isFalse();
        assertThat(body.at("/comment/raw").asText())
                .isEqualTo("Originally logged by Former user in Jira\n\n[j2o:worklog:40003]");
    }

    @Test
    void aLongWorklogCommentIsCutToWhatATimeEntryHoldsKeepingItsMarker() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"worklog":{"total":1,"worklogs":[{"id":"40004","author":{"accountId":"a-1",
                 "displayName":"Ann"},"started":"2025-03-05T09:00:00.000+0100","timeSpentSeconds":60,
                 "comment":"%s"}]}}""".formatted("word ".repeat(400)));

        String raw = rule.timeEntries("10032", "CL-32", fields).orElseThrow()
                .upserts().get(0).body().path("comment").path("raw").asText();

        assertThat(raw).hasSizeLessThanOrEqualTo(WorklogRule.COMMENT_MAX).endsWith("…\n\n[j2o:worklog:40004]");
    }

    @Test
    void issueKeyInAWorklogCommentBecomesAWorkPackageLinkWhileMentionsStayPlainText() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"worklog":{"total":1,"worklogs":[{"id":"40005","author":{"accountId":"a-1",
                 "displayName":"Ann"},"started":"2025-03-05T09:00:00.000+0100","timeSpentSeconds":60,
                 "comment":"Fixed ALPHA-7 with [~jdoe] and [~accountid:acc-2], see [^trace.log]"}]}}""");

        JsonNode body = rule.timeEntries("10032", "CL-32", fields).orElseThrow().upserts().get(0).body();
        String migrated = SoftReferences.expected((ObjectNode) body, key -> key.startsWith("issue_key:") ? Optional.of(42L)
                : Optional.of(7L)).at("/comment/raw").asText();

        assertThat(body.at("/comment/raw").asText()).as("sent as before until ALPHA-7 is migrated").isEqualTo(
                "Originally logged by Ann in Jira\n\nFixed ALPHA-7 with @jdoe and @acc-2, see \\[attachment: trace.log\\]"
                        + "\n\n[j2o:worklog:40005]");
        assertThat(body.at("/_j2o/texts/0/references")).extracting(reference -> reference.path("ref").asText())
                .containsExactly("issue_key:ALPHA-7");
        assertThat(migrated).isEqualTo("Originally logged by Ann in Jira\n\nFixed #42 with @jdoe and @acc-2, "
                + "see \\[attachment: trace.log\\]\n\n[j2o:worklog:40005]");
    }

    @Test
    void worklogCommentThatCouldOutgrowATimeEntryOnceResolvedKeepsItsKeysAsWritten() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"worklog":{"total":1,"worklogs":[{"id":"40006","author":{"accountId":"a-1",
                 "displayName":"Ann"},"started":"2025-03-05T09:00:00.000+0100","timeSpentSeconds":60,
                 "comment":"%s"}]}}""".formatted("AB-1 ".repeat(150)));

        JsonNode body = rule.timeEntries("10032", "CL-32", fields).orElseThrow().upserts().get(0).body();

        assertThat(body.at("/comment/raw").asText()).hasSizeLessThanOrEqualTo(WorklogRule.COMMENT_MAX).startsWith(
                "Originally logged by Ann in Jira\n\nAB-1 AB-1");
        assertThat(body.at("/_j2o/texts").isMissingNode()).isTrue();
    }
}
