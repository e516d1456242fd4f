package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.jira.jql.JqlQuery;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * The Cloud enhanced search {@code /search/jql} with {@code nextPageToken} paging, and the removed
 * {@code /search} answering 410 as Cloud has since CHANGE-2046.
 */
final class SearchRoutes {

    static final String UNBOUNDED = "Unbounded JQL queries are not allowed here. Please add a search restriction to your query.";
    static final String REMOVED = "The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."
            + " A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046";
    /** Jira's page size when only ids or keys are requested. */
    static final int IDENTIFIERS_PAGE_CAP = 5000;
    private static final int DEFAULT_PAGE_SIZE = 50;

    private final SimulatedSite site;

    SearchRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get("/rest/api/3/search/jql", ctx -> search(ctx, SearchRequest.fromQuery(ctx)));
        routes.post("/rest/api/3/search/jql", ctx -> search(ctx, SearchRequest.fromBody(ctx)));
        for (String removed : List.of("/rest/api/3/search", "/rest/api/2/search")) {
            routes.get(removed, SearchRoutes::removed);
            routes.post(removed, SearchRoutes::removed);
        }
    }

    private static void removed(Context ctx) {
        throw new JiraApiException(410, REMOVED);
    }

    private void search(Context ctx, SearchRequest request) {
        String jql = request.jql() == null ? "" : request.jql();
        JqlQuery query = SearchIndex.parse(jql);
        if (!query.bounded()) {
            throw JiraApiException.badRequest(UNBOUNDED);
        }
        FieldProjection projection = FieldProjection.parse(request.fields(), "id");
        int cap = projection.identifiersOnly() ? IDENTIFIERS_PAGE_CAP : site.options().maxResultsCap();
        int requested = request.maxResults() == null || request.maxResults() < 1 ? DEFAULT_PAGE_SIZE : request.maxResults();
        int pageSize = Math.min(requested, cap);
        int offset = request.nextPageToken() == null || request.nextPageToken().isBlank()
                ? 0 : SearchPageToken.decode(request.nextPageToken(), jql);

        List<ObjectNode> matching = SearchIndex.matching(site, query);
        List<ObjectNode> page = matching.stream().skip(offset).limit(pageSize)
                .map(issue -> IssueView.render(issue, projection, request.expand(), JiraSimulator.Flavour.CLOUD))
                .toList();
        boolean last = offset + page.size() >= matching.size();

        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        body.putArray("issues").addAll(page);
        if (!last) {
            body.put("nextPageToken", SearchPageToken.encode(offset + page.size(), jql));
        }
        body.put("isLast", last);
        if (request.expand().contains("names")) {
            SearchIndex.hoistNames(body, page);
        }
        JsonResponses.send(ctx, 200, body);
    }
}
