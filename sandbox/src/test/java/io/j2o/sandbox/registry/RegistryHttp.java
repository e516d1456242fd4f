package io.j2o.sandbox.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Raw HTTP against a registry, for what the typed client deliberately does not expose (status, error bodies). */
final class RegistryHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType MEDIA_TYPE = MediaType.get(EmbeddedSchemaRegistry.CONTENT_TYPE);

    private final OkHttpClient http;
    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this(baseUrl, new OkHttpClient());
    }

    RegistryHttp(String baseUrl, OkHttpClient http) {
        this.baseUrl = baseUrl;
        this.http = http;
    }

    record Answer(int status, String contentType, JsonNode body) {
        int errorCode() {
            return body.path("error_code").asInt();
        }
    }

    Answer get(String path) {
        return send("GET", path, null);
    }

    Answer send(String method, String path, String json) {
        Request request = new Request.Builder().url(baseUrl + path)
                .method(method, json == null ? null : RequestBody.create(json, MEDIA_TYPE)).build();
        try (Response response = http.newCall(request).execute()) {
            return new Answer(response.code(), response.header("Content-Type"), JSON.readTree(response.body().string()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code {"schema": "<schema>"}} with the schema text JSON-escaped. */
    static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }
}
