package io.j2o.schemas.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent REST API, with id caches so a hot path makes no HTTP calls.
 *
 * <p>Registration and lookup results are cached per (subject, schema) and schemas per id: both are immutable in a
 * registry, so the caches never need invalidating. Compatibility answers and levels are not cached because they
 * change. Transient failures (I/O, timeouts, 5xx) are retried with exponential backoff; registration is idempotent
 * on the registry side, so retrying it is safe.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient, AutoCloseable {

    /** The registry's own media type; Confluent also accepts plain JSON but answers in this one. */
    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final MediaType MEDIA_TYPE = MediaType.get(CONTENT_TYPE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaRegistryConfig config;
    private final HttpUrl baseUrl;
    private final OkHttpClient http;
    private final String authorization;
    private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public RestSchemaRegistryClient(SchemaRegistryConfig config) {
        this(config, new OkHttpClient());
    }

    /**
     * A client built on {@code base} (for its TLS settings, proxy, interceptors or connection pool); the timeouts
     * and retry policy of {@code config} replace the base client's.
     */
    public RestSchemaRegistryClient(SchemaRegistryConfig config, OkHttpClient base) {
        this.config = config;
        this.baseUrl = HttpUrl.get(config.baseUrl());
        this.http = base.newBuilder()
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout().multipliedBy(2))
                .retryOnConnectionFailure(false) // retries are ours, counted and backed off
                .build();
        this.authorization = config.credentials()
                .map(c -> Credentials.basic(c.username(), c.password()))
                .orElse(null);
    }

    /** An open registry at {@code baseUrl} with default timeout and retries. */
    public static RestSchemaRegistryClient forUrl(String baseUrl) {
        return new RestSchemaRegistryClient(SchemaRegistryConfig.of(baseUrl));
    }

    @Override
    public int register(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", url("subjects", subject, "versions"), schemaBody(schema));
        int id = requiredInt(answer, "id", "POST /subjects/" + subject + "/versions");
        idsBySubjectSchema.put(key, id);
        return id;
    }

    @Override
    public int lookup(String subject, Schema schema) {
        SubjectSchema key = new SubjectSchema(subject, schema);
        Integer cached = idsBySubjectSchema.get(key);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("POST", url("subjects", subject), schemaBody(schema));
        int id = requiredInt(answer, "id", "POST /subjects/" + subject);
        idsBySubjectSchema.put(key, id);
        return id;
    }

    @Override
    public Schema schemaById(int id) {
        Schema cached = schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = call("GET", url("schemas", "ids", Integer.toString(id)), null);
        JsonNode text = answer.get("schema");
        if (text == null || !text.isTextual()) {
            throw malformed("GET /schemas/ids/" + id + ": answer has no schema text");
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw malformed("GET /schemas/ids/" + id + ": registry returned an unparseable Avro schema: "
                    + e.getMessage());
        }
        schemasById.put(id, schema);
        return schema;
    }

    @Override
    public boolean isCompatible(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = call("POST", url("compatibility", "subjects", subject, "versions", "latest"), schemaBody(schema));
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND
                    || e.errorCode() == SchemaRegistryException.VERSION_NOT_FOUND) {
                return true; // nothing registered yet: any schema may be the first
            }
            throw e;
        }
        JsonNode verdict = answer.get("is_compatible");
        if (verdict == null || !verdict.isBoolean()) {
            throw malformed("POST /compatibility/subjects/" + subject + "/versions/latest: answer has no is_compatible");
        }
        return verdict.booleanValue();
    }

    @Override
    public String compatibility(String subject) {
        JsonNode answer;
        try {
            answer = call("GET", url("config", subject).newBuilder()
                    .addQueryParameter("defaultToGlobal", "true").build(), null);
        } catch (SchemaRegistryException e) {
            if (!e.isNotFound()) {
                throw e;
            }
            // Registries older than defaultToGlobal answer 404 for a subject without its own level.
            answer = call("GET", url("config"), null);
        }
        JsonNode level = answer.get("compatibilityLevel");
        if (level == null || !level.isTextual()) {
            throw malformed("GET /config/" + subject + ": answer has no compatibilityLevel");
        }
        return level.asText();
    }

    @Override
    public void setCompatibility(String subject, String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", url("config", subject), toBytes(body));
    }

    @Override
    public void close() {
        // Calls are synchronous, so no dispatcher threads exist; only idle pooled connections are left to release.
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient[" + config.baseUrl()
                + config.credentials().map(c -> ", user=" + c.username()).orElse("") + "]";
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder builder = baseUrl.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }

    private static byte[] schemaBody(Schema schema) {
        return toBytes(JSON.createObjectNode().put("schema", schema.toString()));
    }

    private static byte[] toBytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: a tree of strings always serialises", e);
        }
    }

    private JsonNode call(String method, HttpUrl url, byte[] body) {
        String what = method + " " + url.encodedPath();
        long pauseMillis = config.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                return execute(method, url, body, what);
            } catch (SchemaRegistryException e) {
                if (!e.isRetriable() || attempt >= config.maxAttempts()) {
                    throw e;
                }
                LOG.debug("schema registry call failed, retrying call={} attempt={} httpStatus={} pauseMs={}",
                        what, attempt, e.httpStatus(), pauseMillis);
                sleep(pauseMillis, what);
                pauseMillis = Math.min(pauseMillis * 2, Duration.ofSeconds(30).toMillis());
            }
        }
    }

    private JsonNode execute(String method, HttpUrl url, byte[] body, String what) {
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Accept", CONTENT_TYPE)
                .method(method, body == null ? null : RequestBody.create(body, MEDIA_TYPE));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (Response response = http.newCall(request.build()).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw errorFrom(response.code(), text, what);
            }
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(what + ": answer is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SchemaRegistryException("Schema Registry " + what + " failed: " + e, e);
        }
    }

    /** Classifies a non-2xx answer by its Confluent error body; a body that is not one keeps the HTTP status. */
    static SchemaRegistryException errorFrom(int status, String body, String what) {
        int errorCode = status;
        String message = "HTTP " + status;
        try {
            JsonNode error = JSON.readTree(body);
            if (error != null && error.path("error_code").isInt()) {
                errorCode = error.get("error_code").intValue();
            }
            if (error != null && error.path("message").isTextual()) {
                message = error.get("message").asText();
            }
        } catch (JsonProcessingException e) {
            // Not a Confluent error body (a proxy page, say): the status alone classifies it.
        }
        return new SchemaRegistryException(status, errorCode,
                "Schema Registry " + what + " failed: HTTP " + status + ", error_code " + errorCode + ": " + message);
    }

    private static SchemaRegistryException malformed(String detail) {
        return new SchemaRegistryException(200, SchemaRegistryException.MALFORMED_ANSWER, detail);
    }

    private static int requiredInt(JsonNode answer, String field, String what) {
        JsonNode value = answer.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw malformed(what + ": answer has no integer " + field);
        }
        return value.intValue();
    }

    private static void sleep(long millis, String what) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException("Schema Registry " + what + " interrupted while backing off", e);
        }
    }

    /** Cache key per subject: a schema registered under one subject says nothing about another. */
    private record SubjectSchema(String subject, Schema schema) {
    }
}
