package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /issue/{idOrKey}/watchers}: the users watching an issue. The stored issue keeps them in
 * {@code fields.watches.watchers}; an issue in a response carries only {@code self}, {@code watchCount} and
 * {@code isWatching} there, as Jira embeds no watcher. Users are shaped as the site's flavour shapes them
 * (Cloud: accountId; Data Center: key and name), because the stored issue already is.
 */
final class IssueWatchers {

    private final SimulatedSite site;

    IssueWatchers(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get(site.apiPath() + "/issue/{issueIdOrKey}/watchers", this::watchers);
    }

    /** Removes the watchers from an issue's {@code fields} (a response copy). */
    static void hide(ObjectNode fields) {
        if (fields.path("watches") instanceof ObjectNode watches) {
            watches.remove("watchers");
        }
    }

    private void watchers(Context ctx) {
        ObjectNode issue = site.issues().find(ctx.pathParam("issueIdOrKey"))
                .orElseThrow(() -> JiraApiException.notFound(IssueRoutes.NOT_FOUND));
        JsonNode stored = issue.path("fields").path("watches");
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        body.put("self", site.dataset().siteUrl() + site.apiPath() + "/issue/" + issue.path("key").asText() + "/watchers");
        body.put("isWatching", stored.path("isWatching").asBoolean(false));
        var watchers = body.putArray("watchers");
        stored.path("watchers").forEach(watcher -> watchers.add(watcher.deepCopy()));
        body.put("watchCount", stored.has("watchers") ? watchers.size() : stored.path("watchCount").asInt(0));
        JsonResponses.send(ctx, 200, body);
    }
}
