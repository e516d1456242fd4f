package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/** A tiny HTTP client for simulator tests: Basic {@code apikey:<token>} auth, JSON in and out. */
final class SimulatorClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A response with its body parsed when it is JSON. */
    record Reply(int status, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String authorization;

    SimulatorClient(OpenProjectSimulator simulator) {
        this(simulator.baseUrl(), "Basic " + Base64.getEncoder()
                .encodeToString(("apikey:" + simulator.apiKey()).getBytes(StandardCharsets.UTF_8)));
    }

    SimulatorClient(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    Reply get(String path) {
        return send(path, b -> b.GET());
    }

    Reply post(String path, String json) {
        return send(path, b -> b.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply patch(String path, String json) {
        return send(path, b -> b.header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A {@code multipart/form-data} POST with a JSON {@code metadata} part and a {@code file} part. */
    Reply postAttachment(String path, String metadata, String fileName, String contentType, byte[] content) {
        String boundary = "j2o-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(path, b -> b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofByteArray(content), HttpRequest.BodyPublishers.ofByteArray(tail))));
    }

    Reply delete(String path) {
        return send(path, b -> b.DELETE());
    }

    Reply send(String path, Consumer<HttpRequest.Builder> shape) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        shape.accept(builder);
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String filters(String json) {
        return java.net.URLEncoder.encode(json, StandardCharsets.UTF_8);
    }
}
