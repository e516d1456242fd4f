package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.sandbox.dataset.AttachmentBytes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The bytes of an issue's attachment at the URL its {@code content} names, behind the site's auth. Cloud serves
 * {@code GET /rest/api/3/attachment/content/{id}}, which by default answers 303 to where the file lives
 * ({@code ?redirect=false} answers the bytes at once); Data Center serves {@code GET /secure/attachment/{id}/{filename}}.
 * The bytes are written as they are generated ({@link AttachmentBytes}), never held whole.
 */
final class AttachmentContentRoutes {

    static final String NOT_FOUND = "The attachment with id '%s' does not exist";

    private final SimulatedSite site;

    AttachmentContentRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        if (site.options().flavour() == JiraSimulator.Flavour.CLOUD) {
            routes.get(site.apiPath() + "/attachment/content/{id}", this::cloudContent);
        } else {
            routes.get("/secure/attachment/{id}/{filename}", this::dataCenterContent);
        }
    }

    private void cloudContent(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        JsonNode attachment = find(id);
        if (!"false".equals(ctx.queryParam("redirect"))) {
            ctx.status(303).header("Location", site.apiPath() + "/attachment/content/" + id + "?redirect=false");
            return;
        }
        send(ctx, id, attachment);
    }

    private void dataCenterContent(Context ctx) throws IOException {
        String id = ctx.pathParam("id");
        JsonNode attachment = find(id);
        String name = URLDecoder.decode(ctx.pathParam("filename"), StandardCharsets.UTF_8);
        if (!name.equals(attachment.path("filename").asText())) {
            throw JiraApiException.notFound(String.format(NOT_FOUND, id));
        }
        send(ctx, id, attachment);
    }

    private JsonNode find(String id) {
        return attachment(id).orElseThrow(() -> JiraApiException.notFound(String.format(NOT_FOUND, id)));
    }

    private Optional<JsonNode> attachment(String id) {
        for (JsonNode issue : site.issues().snapshot()) {
            for (JsonNode attachment : issue.path("fields").path("attachment")) {
                if (id.equals(attachment.path("id").asText())) {
                    return Optional.of(attachment);
                }
            }
        }
        return Optional.empty();
    }

    private static void send(Context ctx, String id, JsonNode attachment) throws IOException {
        long size = attachment.path("size").asLong();
        String mimeType = attachment.path("mimeType").asText("application/octet-stream");
        // Jira sends files as they are, with their length; a compressed stream would lose the Content-Length.
        ctx.disableCompression();
        ctx.status(200).contentType(mimeType);
        ctx.header("Content-Length", String.valueOf(size));
        ctx.header("Content-Disposition", "attachment; filename=\"" + attachment.path("filename").asText() + "\"");
        OutputStream out = ctx.outputStream();
        AttachmentBytes.write(id, size, mimeType, out);
        out.flush();
    }
}
