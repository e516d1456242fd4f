package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.jira.jql.JqlQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * Data Center's {@code GET|POST /rest/api/2/search}: {@code startAt}/{@code maxResults}/{@code total} paging, fields
 * {@code *navigable} by default, the page size capped by the server (1000) and a search that reaches past the search
 * platform's result window ({@code startAt + maxResults > 10,000} by default) failing with 500, as DC 10 does.
 */
final class DataCenterSearchRoutes {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final SimulatedSite site;

    DataCenterSearchRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get("/rest/api/2/search", ctx -> search(ctx, SearchRequest.fromQuery(ctx),
                Paging.intParam(ctx, "startAt", 0, 0, Integer.MAX_VALUE)));
        routes.post("/rest/api/2/search", ctx -> search(ctx, SearchRequest.fromBody(ctx), startAtOf(JsonResponses.readBody(ctx))));
    }

    private static int startAtOf(JsonNode body) {
        return Math.max(0, body.path("startAt").asInt(0));
    }

    private void search(Context ctx, SearchRequest request, int startAt) {
        JqlQuery query = SearchIndex.parse(request.jql() == null ? "" : request.jql());
        FieldProjection projection = FieldProjection.parse(request.fields(), "*navigable");
        int requested = request.maxResults() == null || request.maxResults() < 0 ? DEFAULT_PAGE_SIZE : request.maxResults();
        int pageSize = Math.min(requested, site.options().maxResultsCap());
        int window = site.options().searchWindow();
        if ((long) startAt + pageSize > window) {
            throw new JiraApiException(500, String.format(Locale.ROOT, "Search limit exceeded. We couldn't complete your"
                    + " search because it requests %,d results which exceeded the search platform limit of %,d. Try"
                    + " refining your query or contact your Jira administrator. Repeating the same search may not work.",
                    (long) startAt + pageSize, window));
        }
        List<ObjectNode> matching = SearchIndex.matching(site, query);
        List<ObjectNode> page = matching.stream().skip(startAt).limit(pageSize)
                .map(issue -> IssueView.render(issue, projection, request.expand(), JiraSimulator.Flavour.DATA_CENTER))
                .toList();

        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        body.put("expand", "schema,names");
        body.put("startAt", startAt);
        body.put("maxResults", pageSize);
        body.put("total", matching.size());
        body.putArray("issues").addAll(page);
        if (request.expand().contains("names")) {
            SearchIndex.hoistNames(body, page);
        }
        JsonResponses.send(ctx, 200, body);
    }
}
