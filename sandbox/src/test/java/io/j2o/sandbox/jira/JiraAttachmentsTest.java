package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.sandbox.dataset.AttachmentBytes;
import io.j2o.sandbox.dataset.DatasetGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issues carry attachments as Jira embeds them, and the simulator serves their bytes where {@code content} says. */
class JiraAttachmentsTest {

    private static final long OPENPROJECT_LIMIT = 5L * 1024 * 1024;

    private final OkHttpClient http = new OkHttpClient();
    private JiraSimulator simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void someIssuesCarryAttachmentsInJirasShapeAndAFewAreOverOpenProjectsLimit() {
        List<JsonNode> attachments = attachments(new DatasetGenerator(42).generate(3, 300).issues());

        assertThat(attachments).hasSizeGreaterThan(50);
        assertThat(attachments).allSatisfy(a -> {
            assertThat(a.path("id").asText()).matches("\\d+");
            assertThat(a.path("filename").asText()).isNotBlank();
            assertThat(a.path("size").isIntegralNumber()).isTrue();
            assertThat(a.path("mimeType").asText()).contains("/");
            assertThat(a.path("author").has("accountId")).isTrue();
            assertThat(a.path("created").asText()).matches("\\d{4}-.*[+-]\\d{4}");
            assertThat(a.path("content").asText())
                    .isEqualTo(DatasetGenerator.DEFAULT_SITE_URL + "/rest/api/3/attachment/content/" + a.path("id").asText());
        });
        assertThat(attachments).filteredOn(a -> a.path("size").asLong() > OPENPROJECT_LIMIT).hasSizeBetween(1, 10);
    }

    @Test
    void cloudServesTheBytesBehindAuthThroughARedirectTheSameEveryTimeAndStreamsALargeOne() throws Exception {
        simulator = new JiraSimulator(new DatasetGenerator(42).generate(3, 300), JiraSimulator.Options.defaults()).start();
        List<JsonNode> attachments = attachments(simulator.issues());
        JsonNode small = attachments.stream().filter(a -> a.path("size").asLong() < 100_000).findFirst().orElseThrow();
        JsonNode large = attachments.stream().filter(a -> a.path("size").asLong() > OPENPROJECT_LIMIT).findFirst().orElseThrow();

        byte[] first = download(small, true);
        byte[] again = download(small, true);
        String largeDigest = digestOfDownload(large);

        assertThat(first).hasSize(small.path("size").asInt()).isEqualTo(again).isEqualTo(expected(small));
        assertThat(largeDigest).isEqualTo(digest(large));
        assertThat(status(small, false)).as("without credentials").isEqualTo(401);
        assertThat(simulator.requests()).anySatisfy(r -> assertThat(r.query()).isEqualTo("redirect=false"));
    }

    @Test
    void dataCenterServesTheBytesUnderSecureAttachmentByIdAndFileName() throws Exception {
        simulator = new JiraSimulator(new DatasetGenerator(42).generate(3, 120), JiraSimulator.Options.dataCenter()).start();
        JsonNode attachment = attachments(simulator.issues()).stream()
                .filter(a -> a.path("size").asLong() < 100_000).findFirst().orElseThrow();

        assertThat(attachment.path("content").asText()).isEqualTo(DataCenterShape.SITE_URL + "/secure/attachment/"
                + attachment.path("id").asText() + "/" + attachment.path("filename").asText());
        assertThat(attachment.path("self").asText()).contains("/rest/api/2/attachment/");
        assertThat(attachment.path("author").has("key")).isTrue();
        assertThat(download(attachment, true)).isEqualTo(expected(attachment));
        assertThat(get(simulator.baseUrl() + "/secure/attachment/" + attachment.path("id").asText() + "/other.txt", true)
                .code()).isEqualTo(404);
    }

    private static List<JsonNode> attachments(List<? extends JsonNode> issues) {
        List<JsonNode> all = new ArrayList<>();
        issues.forEach(issue -> issue.path("fields").path("attachment").forEach(all::add));
        return all;
    }

    /** The content URL with the simulator in place of the site it claims to be, as the loader rewrites it. */
    private String local(JsonNode attachment) {
        String content = attachment.path("content").asText();
        return simulator.baseUrl() + content.substring(content.indexOf('/', "https://".length()));
    }

    private byte[] download(JsonNode attachment, boolean authenticated) throws IOException {
        try (Response response = get(local(attachment), authenticated)) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith(attachment.path("mimeType").asText());
            return response.body().bytes();
        }
    }

    private int status(JsonNode attachment, boolean authenticated) throws IOException {
        try (Response response = get(local(attachment), authenticated)) {
            return response.code();
        }
    }

    private String digestOfDownload(JsonNode attachment) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        long count = 0;
        try (Response response = get(local(attachment), true); InputStream in = response.body().byteStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                md5.update(buffer, 0, n);
                count += n;
            }
        }
        assertThat(count).isEqualTo(attachment.path("size").asLong());
        return java.util.HexFormat.of().formatHex(md5.digest());
    }

    private Response get(String url, boolean authenticated) throws IOException {
        Request.Builder request = new Request.Builder().url(url);
        if (authenticated) {
            request.header("Authorization", Credentials.basic(simulator.options().email(), simulator.options().apiToken()));
        }
        return http.newCall(request.build()).execute();
    }

    private static byte[] expected(JsonNode attachment) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AttachmentBytes.write(attachment.path("id").asText(), attachment.path("size").asLong(),
                attachment.path("mimeType").asText(), out);
        return out.toByteArray();
    }

    private static String digest(JsonNode attachment) throws Exception {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), md5)) {
            AttachmentBytes.write(attachment.path("id").asText(), attachment.path("size").asLong(),
                    attachment.path("mimeType").asText(), out);
        }
        return java.util.HexFormat.of().formatHex(md5.digest());
    }
}
