package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The reference data a client reads on start: statuses, priorities, issue types, fields (both flavours) and users (Cloud's
 * {@code /users/search}, Data Center's {@code /user/search}); each a plain JSON array, user searches paged by
 * {@code startAt}/{@code maxResults} up to Jira's 1000.
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
        routes.get(site.apiPath() + "/field", ctx -> sendArray(ctx, () -> JiraFieldList.of(site.dataset().issues())));
        if (site.options().flavour() == JiraSimulator.Flavour.CLOUD) {
            routes.get("/rest/api/3/users/search", this::users);
        } else {
            routes.get("/rest/api/2/user/search", this::dataCenterUsers);
        }
    }

    private void users(Context ctx) {
        int startAt = Paging.intParam(ctx, "startAt", 0, 0, Integer.MAX_VALUE);
        int maxResults = Paging.intParam(ctx, "maxResults", 50, 1, USER_PAGE_CAP);
        sendArray(ctx, () -> site.dataset().users().stream().skip(startAt).limit(maxResults).toList());
    }

    /**
     * Data Center's user search: {@code username} (required) matches the start of a username, email or any word of
     * the display name, {@code .} matches everyone; inactive users only with {@code includeInactive=true}.
     */
    private void dataCenterUsers(Context ctx) {
        String query = ctx.queryParam("username");
        if (query == null || query.isBlank()) {
            throw JiraApiException.badRequest("The username query parameter was not provided");
        }
        boolean active = !"false".equalsIgnoreCase(ctx.queryParam("includeActive"));
        boolean inactive = "true".equalsIgnoreCase(ctx.queryParam("includeInactive"));
        int startAt = Paging.intParam(ctx, "startAt", 0, 0, Integer.MAX_VALUE);
        int maxResults = Paging.intParam(ctx, "maxResults", 50, 1, USER_PAGE_CAP);
        String prefix = query.trim().toLowerCase(Locale.ROOT);
        sendArray(ctx, () -> site.dataset().users().stream()
                .filter(user -> user.path("active").asBoolean(true) ? active : inactive)
                .filter(user -> prefix.equals(".") || matches(user, prefix))
                .sorted(Comparator.comparing(user -> user.path("name").asText()))
                .skip(startAt).limit(maxResults).toList());
    }

    private static boolean matches(ObjectNode user, String prefix) {
        List<String> words = new ArrayList<>(List.of(user.path("name").asText(), user.path("emailAddress").asText()));
        words.addAll(List.of(user.path("displayName").asText().split("\\s+")));
        return words.stream().anyMatch(word -> word.toLowerCase(Locale.ROOT).startsWith(prefix));
    }

    private static void sendArray(Context ctx, Supplier<List<ObjectNode>> values) {
        ArrayNode array = JsonResponses.MAPPER.createArrayNode();
        values.get().forEach(value -> array.add(value.deepCopy()));
        JsonResponses.send(ctx, 200, array);
    }
}
