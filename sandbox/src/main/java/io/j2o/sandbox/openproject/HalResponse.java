package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.List;

/** Writes HAL+JSON bodies with the content type OpenProject uses. */
final class HalResponse {

    static final String CONTENT_TYPE = "application/hal+json; charset=utf-8";

    private HalResponse() {
    }

    static void send(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(body.toString());
    }

    static int intParam(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw ApiError.notFound();
        }
    }

    /** The {@code filters} parameter; {@code null} when the request did not send one. */
    static List<QueryFilter> filters(Context ctx) {
        String raw = ctx.queryParam("filters");
        return raw == null ? null : QueryFilter.parseAll(raw);
    }
}
