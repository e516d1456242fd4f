package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import org.junit.jupiter.api.Test;

class AttachmentRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AttachmentRule rule = new AttachmentRule();

    @Test
    void cloudAttachmentBecomesAnAttachmentCommandSayingWhoAttachedItAndWhereTheBytesAre() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"attachment":[{"self":"https://x.atlassian.net/rest/api/3/attachment/30001","id":"30001",
                  "filename":"screenshot.png","author":{"accountId":"a-1","displayName":"Ann"},
                  "created":"2025-03-05T09:00:00.000+0100","size":2048,"mimeType":"image/png",
                  "content":"https://x.atlassian.net/rest/api/3/attachment/content/30001",
                  "thumbnail":"https://x.atlassian.net/rest/api/3/attachment/thumbnail/30001"}]}
                """);

        IssueChildren attachments = rule.attachments("10031", "CL-31", fields).orElseThrow();

        assertThat(attachments.kind()).isEqualTo(CommandKind.ATTACHMENT);
        assertThat(attachments.complete()).as("Jira embeds every attachment").isTrue();
        CommandDraft upsert = attachments.children().get(0).upsert();
        assertThat(upsert.jiraId()).isEqualTo("30001");
        assertThat(upsert.action()).isEqualTo(CommandAction.UPSERT);
        assertThat(upsert.body()).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"j2o:ref:work_package:10031"}},
                 "fileName":"screenshot.png","size":2048,
                 "description":{"raw":"Originally attached by Ann on 2025-03-05T08:00:00Z in Jira\\n\\n[j2o:attachment:30001]"},
                 "contentType":"image/png",
                 "jiraContent":"https://x.atlassian.net/rest/api/3/attachment/content/30001"}
                """));
    }

    @Test
    void dataCenterAttachmentWithoutMimeTypeIsOctetStreamAndItsRemovalNamesItByMarkerNameAndSize() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"attachment":[{"id":"30002","filename":"build log.txt",
                  "author":{"key":"JIRAUSER1","name":"ann","displayName":"Ann"},
                  "created":"2025-03-04T10:00:00.000+0100","size":0,
                  "content":"https://jira.example/secure/attachment/30002/build+log.txt"}]}
                """);

        IssueChildren.Child child = rule.attachments("10032", "DC-32", fields).orElseThrow().children().get(0);

        assertThat(child.upsert().body().path("contentType").asText()).isEqualTo("application/octet-stream");
        assertThat(child.upsert().body().path("jiraContent").asText())
                .isEqualTo("https://jira.example/secure/attachment/30002/build+log.txt");
        assertThat(child.removal().action()).isEqualTo(CommandAction.DELETE);
        assertThat(child.removal().body()).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"j2o:ref:work_package:10032"}},"fileName":"build log.txt","size":0,
                 "description":{"raw":"[j2o:attachment:30002]"}}
                """));
    }

    @Test
    void attachmentOfAnAnonymisedAuthorSaysSoAndAnIssueWithoutTheFieldSaysNothing() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"attachment":[{"id":"30003","filename":"a.pdf","size":10,"mimeType":"application/pdf",
                  "content":"https://x.atlassian.net/rest/api/3/attachment/content/30003"}]}
                """);

        assertThat(rule.attachments("10033", "CL-33", fields).orElseThrow().children().get(0).upsert().body()
                .at("/description/raw").asText()).isEqualTo("Originally attached by an unknown user in Jira\n\n[j2o:attachment:30003]");
        assertThat(rule.attachments("10033", "CL-33", JSON.readTree("{\"summary\":\"x\"}"))).isEmpty();
        assertThat(rule.attachments("10033", "CL-33", JSON.readTree("{\"attachment\":[]}")).orElseThrow().children())
                .isEmpty();
    }

    @Test
    void attachmentWithoutSizeOrContentUrlIsUnmappableNamingTheIssueAndAttachment() throws Exception {
        assertThatThrownBy(() -> rule.attachments("1", "CL-1", JSON.readTree("""
                {"attachment":[{"id":"30004","filename":"a.txt","content":"https://x/y"}]}""")))
                .isInstanceOf(MappingException.class).hasMessageContaining("CL-1").hasMessageContaining("30004")
                .hasMessageContaining("size");
        assertThatThrownBy(() -> rule.attachments("1", "CL-1", JSON.readTree("""
                {"attachment":[{"id":"30005","filename":"a.txt","size":3}]}""")))
                .isInstanceOf(MappingException.class).hasMessageContaining("30005").hasMessageContaining("content");
    }
}
