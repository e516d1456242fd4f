package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Set;

/** {@code GET /issue/{idOrKey}}: all fields by default, 404 with Jira's deliberately vague message otherwise. */
final class IssueRoutes {

    static final String NOT_FOUND = "Issue does not exist or you do not have permission to see it.";

    private final SimulatedSite site;

    IssueRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get(site.apiPath() + "/issue/{issueIdOrKey}", this::issue);
    }

    private void issue(Context ctx) {
        ObjectNode stored = site.issues().find(ctx.pathParam("issueIdOrKey"))
                .orElseThrow(() -> JiraApiException.notFound(NOT_FOUND));
        FieldProjection projection = FieldProjection.parse(ctx.queryParams("fields"), "*all");
        Set<String> expand = Paging.expand(ctx.queryParam("expand"));
        JsonResponses.send(ctx, 200, IssueView.render(stored, projection, expand, site.options().flavour()));
    }
}
