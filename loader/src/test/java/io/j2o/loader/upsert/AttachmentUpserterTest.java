package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.LoaderConfig;
import io.j2o.loader.jira.JiraAttachmentSource;
import io.j2o.loader.jira.JiraContentException;
import io.j2o.loader.jira.JiraCredentials;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.sandbox.dataset.AttachmentBytes;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.http.RecordedRequest;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.schemas.topics.Topics;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against both simulators on loopback: attachment bytes go from Jira to OpenProject as a stream, once. */
class AttachmentUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long LIMIT = 5L * 1024 * 1024;

    private JiraSimulator jira;
    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private Upserter attachments;
    private String workPackage;

    @BeforeEach
    void start() {
        jira = new JiraSimulator(new DatasetGenerator(42).generate(3, 300), JiraSimulator.Options.defaults()).start();
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("attachments")).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        attachments = Upserters.attachments(client, new JiraAttachmentSource(credentials(jira.options().apiToken())));
        String project = client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "Alpha"))
                .path("id").asText();
        workPackage = client.post("/api/v3/projects/" + project + "/work_packages",
                JSON.createObjectNode().put("subject", "With files")).path("_links").path("self").path("href").asText();
    }

    @AfterEach
    void stop() {
        openProject.close();
        jira.close();
    }

    @Test
    void jiraFileIsUploadedWithItsNameTypeAndDescriptionAndFoundAgainByItsMarker() throws Exception {
        JsonNode source = jiraAttachment(size -> size < 100_000);
        ObjectNode body = command(source);

        UpsertOutcome created = attachments.upsert(body.deepCopy(), Optional.empty());
        long writes = openProject.writeCount();
        UpsertOutcome again = attachments.upsert(body.deepCopy(), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(created.href()).startsWith("/api/v3/attachments/");
        JsonNode stored = openProject.attachments().get(0);
        assertThat(stored.path("fileName").asText()).isEqualTo(source.path("filename").asText());
        assertThat(stored.path("fileSize").asLong()).isEqualTo(source.path("size").asLong());
        assertThat(stored.path("contentType").asText()).isEqualTo(source.path("mimeType").asText());
        assertThat(stored.at("/description/raw").asText())
                .isEqualTo("Originally attached by Ann in Jira\n\n[j2o:attachment:" + source.path("id").asText() + "]");
        assertThat(stored.at("/digest/hash").asText()).as("the bytes Jira serves, unchanged").isEqualTo(md5(source));
        assertThat(again.wrote()).isFalse();
        assertThat(again.id()).isEqualTo(created.id());
        assertThat(openProject.writeCount()).as("found by its marker, not uploaded twice").isEqualTo(writes);
    }

    @Test
    void twoFilesOfOneIssueWithTheSameNameAndSizeBothMigrateAndEachIsFoundAgainAfterALostMapping() {
        JsonNode source = jiraAttachment(size -> size < 100_000);
        ObjectNode first = command(source, "20001");
        ObjectNode second = command(source, "20002");

        UpsertOutcome firstCreated = attachments.upsert(first.deepCopy(), Optional.empty());
        UpsertOutcome secondCreated = attachments.upsert(second.deepCopy(), Optional.empty());
        long writes = openProject.writeCount();
        // As after a crash between the upload and the mapping: no mapping, the lookup in OpenProject alone.
        UpsertOutcome firstAgain = attachments.upsert(first.deepCopy(), Optional.empty());
        UpsertOutcome secondAgain = attachments.upsert(second.deepCopy(), Optional.empty());

        assertThat(openProject.attachments()).hasSize(2);
        assertThat(secondCreated.id()).isNotEqualTo(firstCreated.id());
        assertThat(firstAgain.id()).isEqualTo(firstCreated.id());
        assertThat(secondAgain.id()).isEqualTo(secondCreated.id());
        assertThat(openProject.writeCount()).isEqualTo(writes);
    }

    @Test
    void anAttachmentMigratedBeforeMarkersIsFoundByNameAndSizeAndNotUploadedAgain() {
        JsonNode source = jiraAttachment(size -> size < 100_000);
        ObjectNode unmarked = command(source);
        unmarked.putObject("description").put("raw", "Originally attached by Ann in Jira");
        UpsertOutcome legacy = attachments.upsert(unmarked, Optional.empty());
        long writes = openProject.writeCount();

        UpsertOutcome found = attachments.upsert(command(source), Optional.empty());

        assertThat(found.wrote()).isFalse();
        assertThat(found.id()).isEqualTo(legacy.id());
        assertThat(openProject.writeCount()).isEqualTo(writes);
    }

    @Test
    void removalByMarkerDeletesThatFileAndLeavesItsTwinOfTheSameNameAndSize() {
        JsonNode source = jiraAttachment(size -> size < 100_000);
        attachments.upsert(command(source, "20001"), Optional.empty());
        UpsertOutcome twin = attachments.upsert(command(source, "20002"), Optional.empty());
        ObjectNode removal = JSON.createObjectNode().put("fileName", source.path("filename").asText())
                .put("size", source.path("size").asLong());
        removal.putObject("description").put("raw", "[j2o:attachment:20001]");
        removal.putObject("_links").putObject("workPackage").put("href", workPackage);

        attachments.delete("ALPHA-1", removal, Optional.empty());

        assertThat(openProject.attachments()).extracting(a -> a.path("id").asLong()).containsExactly(twin.id());
    }

    @Test
    void fileOverOpenProjectsLimitIsRefusedBeforeAnythingIsDownloadedOrUploaded() {
        JsonNode source = jiraAttachment(size -> size > LIMIT);
        int jiraRequests = jira.requestCount();

        assertThatThrownBy(() -> attachments.upsert(command(source), Optional.empty()))
                .isInstanceOf(OpenProjectException.ValidationFailed.class)
                .hasMessageContaining(source.path("filename").asText())
                .hasMessageContaining(source.path("size").asText())
                .hasMessageContaining("5242880");
        assertThat(jira.requestCount()).as("nothing downloaded").isEqualTo(jiraRequests);
        assertThat(openProject.exchanges()).noneMatch(e -> e.method().equals("POST") && e.path().endsWith("/attachments"));
    }

    @Test
    void uploadThatFailsIsRetriedWithAFreshDownloadAndLeavesOneAttachment() throws Exception {
        JsonNode source = jiraAttachment(size -> size > 50_000 && size < LIMIT);
        openProject.failNext("POST", workPackage + "/attachments", 1, 503);

        UpsertOutcome created = attachments.upsert(command(source), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        assertThat(openProject.attachments()).hasSize(1);
        assertThat(openProject.attachments().get(0).at("/digest/hash").asText()).isEqualTo(md5(source));
        assertThat(contentDownloads()).as("the retry read the file from Jira again").isEqualTo(2);
    }

    @Test
    void removalFindsTheAttachmentByNameAndSizeAndDeletesIt() {
        JsonNode source = jiraAttachment(size -> size < 100_000);
        attachments.upsert(command(source), Optional.empty());
        ObjectNode removal = JSON.createObjectNode().put("fileName", source.path("filename").asText())
                .put("size", source.path("size").asLong());
        removal.putObject("_links").putObject("workPackage").put("href", workPackage);

        Optional<UpsertOutcome> deleted = attachments.delete("ALPHA-1", removal.deepCopy(), Optional.empty());
        Optional<UpsertOutcome> again = attachments.delete("ALPHA-1", removal, Optional.empty());

        assertThat(deleted).hasValueSatisfying(o -> assertThat(o.action()).isEqualTo(JournalAction.DELETED));
        assertThat(again).isEmpty();
        assertThat(openProject.attachments()).isEmpty();
    }

    @Test
    void wrongJiraCredentialsStopWithoutShowingThemAndAVanishedAttachmentIsMissing() {
        JsonNode source = jiraAttachment(size -> size < 100_000);
        JiraCredentials wrong = credentials("not-the-token");
        Upserter badCredentials = Upserters.attachments(client, new JiraAttachmentSource(wrong));
        ObjectNode vanished = command(source).put("jiraContent", "https://elsewhere.example/rest/api/3/attachment/content/1");

        assertThatThrownBy(() -> badCredentials.upsert(command(source), Optional.empty()))
                .isInstanceOf(JiraContentException.Refused.class)
                .hasMessageContaining("401")
                .hasMessageNotContaining(wrong.authorization())
                .hasMessageNotContaining("not-the-token");
        assertThat(wrong.toString()).doesNotContain(wrong.authorization());
        assertThatThrownBy(() -> attachments.upsert(vanished, Optional.empty()))
                .as("the content URL's host is replaced by the configured Jira's")
                .isInstanceOf(JiraContentException.Missing.class);
        assertThat(openProject.attachments()).isEmpty();
    }

    @Test
    void dataCenterFileIsReadFromSecureAttachmentOnTheConfiguredHost() throws Exception {
        try (JiraSimulator dataCenter = new JiraSimulator(new DatasetGenerator(42).generate(3, 120),
                JiraSimulator.Options.dataCenter()).start()) {
            JiraCredentials credentials = JiraCredentials.basic(dataCenter.baseUrl(), dataCenter.options().email(),
                    dataCenter.options().apiToken());
            Upserter upserter = Upserters.attachments(client, new JiraAttachmentSource(credentials));
            JsonNode source = attachmentsOf(dataCenter).stream().filter(a -> a.path("size").asLong() < 100_000)
                    .findFirst().orElseThrow();

            upserter.upsert(command(source), Optional.empty());

            assertThat(source.path("content").asText()).contains("/secure/attachment/");
            assertThat(openProject.attachments().get(0).at("/digest/hash").asText()).isEqualTo(md5(source));
        }
    }

    @Test
    void loaderConfigWithJiraCredentialsRegistersAttachmentsAndOneWithoutDoesNot() {
        LoaderConfig without = new LoaderConfig("localhost:9092", "g", Topics.defaults(), openProject.baseUrl(),
                "key", "customField1", 1, 3, Map.of());

        assertThat(Upserters.forOpenProject(client, without).byKind()).doesNotContainKey(CommandKind.ATTACHMENT);
        assertThat(Upserters.forOpenProject(client, without.withJira(credentials("t"))).byKind())
                .containsKey(CommandKind.ATTACHMENT);
        assertThat(without.withJira(credentials("secret-token")).toString()).doesNotContain("secret-token")
                .doesNotContain(credentials("secret-token").authorization());
    }

    private JiraCredentials credentials(String token) {
        return JiraCredentials.basic(jira.baseUrl(), jira.options().email(), token);
    }

    private JsonNode jiraAttachment(Predicate<Long> size) {
        return attachmentsOf(jira).stream().filter(a -> size.test(a.path("size").asLong())).findFirst().orElseThrow();
    }

    private static List<JsonNode> attachmentsOf(JiraSimulator simulator) {
        List<JsonNode> all = new ArrayList<>();
        simulator.issues().forEach(issue -> issue.path("fields").path("attachment").forEach(all::add));
        return all;
    }

    /** The command the transformer makes of a Jira attachment, its work package resolved. */
    private ObjectNode command(JsonNode source) {
        return command(source, source.path("id").asText());
    }

    private ObjectNode command(JsonNode source, String jiraId) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("_links").putObject("workPackage").put("href", workPackage);
        body.put("fileName", source.path("filename").asText());
        body.put("size", source.path("size").asLong());
        body.putObject("description").put("raw", TextMarker.ATTACHMENT.append("Originally attached by Ann in Jira", jiraId));
        body.put("contentType", source.path("mimeType").asText());
        body.put("jiraContent", source.path("content").asText());
        return body;
    }

    private long contentDownloads() {
        return jira.requests().stream().map(RecordedRequest::path).filter(p -> p.contains("/attachment/content/"))
                .count() / 2; // Cloud answers each download with a redirect first
    }

    private static String md5(JsonNode source) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md5)) {
            AttachmentBytes.write(source.path("id").asText(), source.path("size").asLong(), source.path("mimeType").asText(), out);
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
