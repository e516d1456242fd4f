package io.j2o.sandbox.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Confluent-compatible Schema Registry for Avro, in this JVM on 127.0.0.1, keeping its state in Kafka.
 *
 * <p>It serves the subset of the REST API j2o and Confluent's serdes use (register, lookup, schema by id, versions,
 * compatibility checks, config) with Confluent's media type and error bodies. State lives in a compacted
 * {@code _schemas} topic, so a new instance on the same broker answers with the same ids.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

    public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SchemaStore store;
    private final SchemaCatalog catalog;
    private Javalin server;

    /** A registry whose state lives in the {@code _schemas} topic of the broker at {@code kafkaBootstrapServers}. */
    public EmbeddedSchemaRegistry(String kafkaBootstrapServers) {
        this(new KafkaSchemaStore(kafkaBootstrapServers));
    }

    EmbeddedSchemaRegistry(SchemaStore store) {
        this.store = store;
        this.catalog = new SchemaCatalog(store);
    }

    /** A registry without Kafka whose state ends with it: for tests that need schemas but no broker. */
    public static EmbeddedSchemaRegistry inMemory() {
        return new EmbeddedSchemaRegistry(new InMemorySchemaStore());
    }

    /** Replays the stored state, then serves on a free loopback port. */
    public synchronized EmbeddedSchemaRegistry start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        catalog.load();
        server = Javalin.create(this::configure).start();
        LOG.info("embedded schema registry ready baseUrl={} subjects={} schemas={}",
                baseUrl(), catalog.subjects().size(), catalog.schemaCount());
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
        store.close();
    }

    private void configure(JavalinConfig config) {
        config.jetty.host = "127.0.0.1";
        config.jetty.port = 0;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.routes.get("/subjects", ctx -> reply(ctx, catalog.subjects()));
        config.routes.post("/subjects/{subject}", this::lookup);
        config.routes.delete("/subjects/{subject}", ctx -> reply(ctx, catalog.deleteSubject(ctx.pathParam("subject"))));
        config.routes.get("/subjects/{subject}/versions", ctx -> reply(ctx, catalog.versions(ctx.pathParam("subject"))));
        config.routes.post("/subjects/{subject}/versions", this::register);
        config.routes.get("/subjects/{subject}/versions/{version}", this::version);
        config.routes.get("/schemas/ids/{id}", this::schemaById);
        config.routes.post("/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility);
        config.routes.get("/config", ctx -> reply(ctx, levelBody("compatibilityLevel", catalog.globalLevel())));
        config.routes.put("/config", ctx -> updateLevel(ctx, null));
        config.routes.get("/config/{subject}", this::subjectLevel);
        config.routes.put("/config/{subject}", ctx -> updateLevel(ctx, ctx.pathParam("subject")));
        config.routes.exception(RegistryError.class, (error, ctx) -> replyError(ctx, error));
        config.routes.exception(Exception.class, (error, ctx) -> {
            LOG.warn("schema registry request failed method={} path={}", ctx.method(), ctx.path(), error);
            replyError(ctx, RegistryError.storeFailure(error.toString()));
        });
    }

    private void register(Context ctx) {
        int id = catalog.register(ctx.pathParam("subject"), schemaOf(ctx));
        reply(ctx, JSON.createObjectNode().put("id", id));
    }

    private void lookup(Context ctx) {
        reply(ctx, versionBody(catalog.lookup(ctx.pathParam("subject"), schemaOf(ctx))));
    }

    private void version(Context ctx) {
        reply(ctx, versionBody(catalog.version(ctx.pathParam("subject"), ctx.pathParam("version"))));
    }

    private void schemaById(Context ctx) {
        int id;
        try {
            id = Integer.parseInt(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw RegistryError.schemaNotFound("Schema " + ctx.pathParam("id") + " not found");
        }
        reply(ctx, JSON.createObjectNode().put("schema", catalog.schemaText(id)));
    }

    private void checkCompatibility(Context ctx) {
        List<String> problems = catalog.incompatibilities(
                ctx.pathParam("subject"), ctx.pathParam("version"), schemaOf(ctx));
        ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        if ("true".equals(ctx.queryParam("verbose"))) {
            problems.forEach(body.putArray("messages")::add);
        }
        reply(ctx, body);
    }

    private void subjectLevel(Context ctx) {
        String subject = ctx.pathParam("subject");
        CompatibilityLevel level = catalog.subjectLevel(subject).orElseGet(() -> {
            if ("true".equals(ctx.queryParam("defaultToGlobal"))) {
                return catalog.globalLevel();
            }
            throw RegistryError.subjectLevelNotConfigured(subject);
        });
        reply(ctx, levelBody("compatibilityLevel", level));
    }

    /** PUT answers by echoing the request's {@code compatibility} field, as Confluent does. */
    private void updateLevel(Context ctx, String subject) {
        CompatibilityLevel level = CompatibilityLevel.parse(body(ctx).path("compatibility").textValue());
        catalog.setLevel(subject, level);
        reply(ctx, levelBody("compatibility", level));
    }

    private static ObjectNode levelBody(String field, CompatibilityLevel level) {
        return JSON.createObjectNode().put(field, level.name());
    }

    private static ObjectNode versionBody(RegistryRecord.SchemaVersion version) {
        return JSON.createObjectNode()
                .put("subject", version.subject())
                .put("version", version.version())
                .put("id", version.id())
                .put("schema", version.schema());
    }

    /** The Avro schema of a register, lookup or compatibility request; {@code schemaType} may be absent. */
    private static Schema schemaOf(Context ctx) {
        JsonNode body = body(ctx);
        String type = body.path("schemaType").asText("AVRO");
        if (!"AVRO".equalsIgnoreCase(type)) {
            throw RegistryError.invalidSchema("schema type " + type + " is not supported; this registry holds AVRO");
        }
        if (body.path("references").size() > 0) {
            throw RegistryError.invalidSchema("schema references are not supported");
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw RegistryError.invalidSchema("the request has no \"schema\" string");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (AvroRuntimeException e) {
            // SchemaParseException, and AvroTypeException for a default that does not match its field's type.
            throw RegistryError.invalidSchema(e.getMessage());
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JSON.readTree(ctx.body());
            if (body == null || !body.isObject()) {
                throw RegistryError.malformedRequest("the body must be a JSON object");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw RegistryError.malformedRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static void reply(Context ctx, Object body) {
        try {
            ctx.contentType(CONTENT_TYPE).result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: registry answers are plain JSON trees and lists", e);
        }
    }

    private static void replyError(Context ctx, RegistryError error) {
        ctx.status(error.httpStatus());
        reply(ctx, JSON.createObjectNode().put("error_code", error.errorCode()).put("message", error.getMessage()));
    }
}
