package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /issue/{idOrKey}/comment} and {@code /worklog}: every comment or worklog of an issue, paged by
 * {@code startAt}/{@code maxResults} (up to 5000). Data Center's worklog resource takes no paging parameters and
 * answers every worklog at once, as its spec says.
 */
final class IssueActivityRoutes {

    private static final int PAGE_CAP = 5000;

    private final SimulatedSite site;

    IssueActivityRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get(site.apiPath() + "/issue/{issueIdOrKey}/comment", ctx -> page(ctx, IssueActivity.COMMENTS, true));
        boolean pagedWorklogs = site.options().flavour() == JiraSimulator.Flavour.CLOUD;
        routes.get(site.apiPath() + "/issue/{issueIdOrKey}/worklog", ctx -> page(ctx, IssueActivity.WORKLOGS, pagedWorklogs));
    }

    private void page(Context ctx, IssueActivity activity, boolean paged) {
        ObjectNode issue = site.issues().find(ctx.pathParam("issueIdOrKey"))
                .orElseThrow(() -> JiraApiException.notFound(IssueRoutes.NOT_FOUND));
        List<JsonNode> all = activity.all(issue);
        int startAt = paged ? Paging.intParam(ctx, "startAt", 0, 0, Integer.MAX_VALUE) : 0;
        int maxResults = paged ? Paging.intParam(ctx, "maxResults", PAGE_CAP, 0, PAGE_CAP) : all.size();
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        body.put("startAt", startAt);
        body.put("maxResults", maxResults);
        body.put("total", all.size());
        var items = body.putArray(activity.listName());
        all.stream().skip(startAt).limit(maxResults).forEach(item -> items.add(item.deepCopy()));
        JsonResponses.send(ctx, 200, body);
    }
}
