package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The parameters of an enhanced search, read from the query string (GET) or the JSON body (POST). */
record SearchRequest(String jql, String nextPageToken, Integer maxResults, List<String> fields, Set<String> expand) {

    static SearchRequest fromQuery(Context ctx) {
        String maxResults = ctx.queryParam("maxResults");
        Integer parsed = null;
        if (maxResults != null && !maxResults.isBlank()) {
            try {
                parsed = Integer.parseInt(maxResults.trim());
            } catch (NumberFormatException e) {
                throw JiraApiException.badRequest("The 'maxResults' parameter must be an integer, was '" + maxResults + "'.");
            }
        }
        return new SearchRequest(ctx.queryParam("jql"), ctx.queryParam("nextPageToken"), parsed,
                ctx.queryParams("fields"), Paging.expand(String.join(",", ctx.queryParams("expand"))));
    }

    static SearchRequest fromBody(Context ctx) {
        JsonNode body = JsonResponses.readBody(ctx);
        List<String> fields = new ArrayList<>();
        body.path("fields").forEach(field -> fields.add(field.asText()));
        JsonNode expand = body.path("expand");
        // The spec types expand as a comma-separated string even here; tolerate an array as well.
        List<String> expandValues = new ArrayList<>();
        if (expand.isArray()) {
            expand.forEach(value -> expandValues.add(value.asText()));
        } else if (expand.isTextual()) {
            expandValues.add(expand.asText());
        }
        return new SearchRequest(text(body, "jql"), text(body, "nextPageToken"),
                body.hasNonNull("maxResults") ? body.get("maxResults").asInt() : null, fields,
                Paging.expand(String.join(",", expandValues)));
    }

    private static String text(JsonNode body, String field) {
        return body.hasNonNull(field) ? body.get(field).asText() : null;
    }
}
