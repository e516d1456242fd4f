package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;

/**
 * The reference data a client reads on start: statuses, priorities, issue types (both flavours) and, on Cloud, users;
 * each a plain JSON array ({@code /users/search} paged by {@code startAt}/{@code maxResults} up to Jira's 1000).
 */
final class MetadataRoutes {

    private static final int USER_PAGE_CAP = 1000;

    private final SimulatedSite site;

    MetadataRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get(site.apiPath() + "/status", ctx -> sendArray(ctx, () -> site.dataset().statuses()));
        routes.get(site.apiPath() + "/priority", ctx -> sendArray(ctx, () -> site.dataset().priorities()));
        routes.get(site.apiPath() + "/issuetype", ctx -> sendArray(ctx, () -> site.dataset().issueTypes()));
        if (site.options().flavour() == JiraSimulator.Flavour.CLOUD) {
            routes.get("/rest/api/3/users/search", this::users);
        }
    }

    private void users(Context ctx) {
        int startAt = Paging.intParam(ctx, "startAt", 0, 0, Integer.MAX_VALUE);
        int maxResults = Paging.intParam(ctx, "maxResults", 50, 1, USER_PAGE_CAP);
        sendArray(ctx, () -> site.dataset().users().stream().skip(startAt).limit(maxResults).toList());
    }

    private static void sendArray(Context ctx, Supplier<List<ObjectNode>> values) {
        ArrayNode array = JsonResponses.MAPPER.createArrayNode();
        values.get().forEach(value -> array.add(value.deepCopy()));
        JsonResponses.send(ctx, 200, array);
    }
}
