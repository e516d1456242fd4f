package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Work-package attachments behave as OpenProject's multipart upload, collection, show and delete do. */
class OpenProjectSimulatorAttachmentsTest {

    private static final long LIMIT = 5L * 1024 * 1024;

    private final OkHttpClient http = new OkHttpClient();
    private OpenProjectSimulator simulator;
    private SimulatorClient api;
    private int workPackage;

    @BeforeEach
    void start() {
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("attachments")).start();
        api = new SimulatorClient(simulator);
        int project = api.post("/api/v3/projects", "{\"name\":\"A\",\"identifier\":\"a\"}").json().get("id").asInt();
        workPackage = api.post("/api/v3/projects/" + project + "/work_packages", "{\"subject\":\"With files\"}").json()
                .get("id").asInt();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void uploadedFileIsListedShownAndDeletedWithTheMetadataNameItsSizeAndDigest() throws Exception {
        long writesBefore = simulator.writeCount();

        Reply created = upload(workPackage, "{\"fileName\":\"notes.txt\",\"description\":{\"raw\":\"From Jira\"}}",
                "ignored.bin", "text/plain", 3);

        assertThat(created.status()).isEqualTo(201);
        JsonNode attachment = created.json();
        assertThat(attachment.path("fileName").asText()).as("the metadata's name wins").isEqualTo("notes.txt");
        assertThat(attachment.path("fileSize").asLong()).isEqualTo(3);
        assertThat(attachment.path("contentType").asText()).isEqualTo("text/plain");
        assertThat(attachment.at("/description/raw").asText()).isEqualTo("From Jira");
        assertThat(attachment.at("/digest/hash").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes(3))));
        assertThat(attachment.at("/_links/container/href").asText()).isEqualTo("/api/v3/work_packages/" + workPackage);
        String self = attachment.at("/_links/self/href").asText();
        assertThat(simulator.writeCount()).isEqualTo(writesBefore + 1);
        assertThat(simulator.exportState().get("attachments")).hasSize(1);

        JsonNode listed = api.get("/api/v3/work_packages/" + workPackage + "/attachments").json();
        assertThat(listed.path("total").asInt()).isEqualTo(1);
        assertThat(listed.at("/_embedded/elements/0/_links/self/href").asText()).isEqualTo(self);
        assertThat(api.get(self).json().path("fileName").asText()).isEqualTo("notes.txt");

        assertThat(api.delete(self).status()).isEqualTo(204);
        assertThat(api.get(self).status()).isEqualTo(404);
        assertThat(simulator.attachments()).isEmpty();
    }

    @Test
    void fileOverFiveMebibytesIsRefusedAsOpenProjectDoesWhileOneAtTheLimitIsTaken() {
        Reply tooLarge = upload(workPackage, "{\"fileName\":\"big.bin\"}", "big.bin", "application/octet-stream", LIMIT + 1);
        Reply atLimit = upload(workPackage, "{\"fileName\":\"edge.bin\"}", "edge.bin", "application/octet-stream", LIMIT);

        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.json().path("errorIdentifier").asText())
                .isEqualTo("urn:openproject-org:api:v3:errors:PropertyConstraintViolation");
        assertThat(tooLarge.json().path("message").asText())
                .isEqualTo("File is too large (maximum size is 5242880 Bytes).");
        assertThat(tooLarge.json().at("/_embedded/details/attribute").asText()).isEqualTo("fileSize");
        assertThat(atLimit.status()).isEqualTo(201);
        assertThat(simulator.attachments()).extracting(a -> a.path("fileName").asText()).containsExactly("edge.bin");
        assertThat(api.get("/api/v3/configuration").json().path("maximumAttachmentFileSize").asLong()).isEqualTo(LIMIT);
    }

    @Test
    void uploadWithoutFileNameOrPartsOrOnAMissingWorkPackageIsRefused() {
        Reply noName = upload(workPackage, "{\"description\":{\"raw\":\"x\"}}", "a.txt", "text/plain", 1);
        Reply badJson = upload(workPackage, "{not json", "a.txt", "text/plain", 1);
        Reply noFile = send(workPackage, new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("metadata", null, RequestBody.create("{\"fileName\":\"a\"}", MediaType.get("application/json")))
                .build());
        Reply missing = upload(999, "{\"fileName\":\"a.txt\"}", "a.txt", "text/plain", 1);
        Reply json = new Reply(api.post("/api/v3/work_packages/" + workPackage + "/attachments", "{\"fileName\":\"a\"}")
                .status(), null);

        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().at("/_embedded/details/attribute").asText()).isEqualTo("fileName");
        assertThat(badJson.status()).isEqualTo(400);
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json.status()).isEqualTo(415);
        assertThat(simulator.attachments()).isEmpty();
        assertThat(api.get("/api/v3/work_packages/999/attachments").status()).isEqualTo(404);
    }

    @Test
    void deletingTheWorkPackageDeletesItsAttachments() {
        upload(workPackage, "{\"fileName\":\"a.txt\"}", "a.txt", "text/plain", 1);

        api.delete("/api/v3/work_packages/" + workPackage);

        assertThat(simulator.attachments()).isEmpty();
    }

    /** A multipart create whose file part is {@code size} generated bytes, streamed. */
    private Reply upload(int workPackageId, String metadata, String partName, String contentType, long size) {
        RequestBody file = new RequestBody() {
            @Override
            public MediaType contentType() {
                return MediaType.get(contentType);
            }

            @Override
            public long contentLength() {
                return size;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                byte[] chunk = bytes(8192);
                for (long left = size; left > 0; left -= chunk.length) {
                    sink.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
        };
        return send(workPackageId, new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("metadata", null, RequestBody.create(metadata, MediaType.get("application/json")))
                .addFormDataPart("file", partName, file)
                .build());
    }

    private Reply send(int workPackageId, RequestBody body) {
        Request request = new Request.Builder()
                .url(simulator.baseUrl() + "/api/v3/work_packages/" + workPackageId + "/attachments")
                .header("Authorization", Credentials.basic("apikey", simulator.apiKey()))
                .post(body).build();
        try (Response response = http.newCall(request).execute()) {
            return new Reply(response.code(), response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code n} bytes of the repeating pattern 0, 1, … 250. */
    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        for (int i = 0; i < n; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    private record Reply(int status, String body) {
        JsonNode json() {
            try {
                return SimulatorClient.JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
