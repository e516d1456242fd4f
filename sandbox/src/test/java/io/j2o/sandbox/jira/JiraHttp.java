package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A tiny test client for the simulator: Basic auth, JSON in and out. */
final class JiraHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final OkHttpClient CLIENT = new OkHttpClient();

    /** A response reduced to what tests assert on. */
    record Reply(int status, JsonNode body, String rawBody, String contentType) {
    }

    private final String baseUrl;
    private final String authorization;

    JiraHttp(String baseUrl, String email, String token) {
        this.baseUrl = baseUrl;
        this.authorization = token == null ? null : Credentials.basic(email, token);
    }

    Reply get(String path, Map<String, String> query) {
        HttpUrl.Builder url = HttpUrl.get(baseUrl + path).newBuilder();
        query.forEach(url::addQueryParameter);
        return send(new Request.Builder().url(url.build()).get());
    }

    Reply get(String path) {
        return get(path, Map.of());
    }

    Reply post(String path, JsonNode body) {
        return send(new Request.Builder().url(baseUrl + path)
                .post(RequestBody.create(body.toString(), MediaType.get("application/json"))));
    }

    private Reply send(Request.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        request.header("Accept", "application/json");
        try (Response response = CLIENT.newCall(request.build()).execute()) {
            String raw = response.body().string();
            JsonNode json = raw.isEmpty() ? null : tryParse(raw);
            return new Reply(response.code(), json, raw, response.header("Content-Type"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tryParse(String raw) {
        try {
            return MAPPER.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }
}
