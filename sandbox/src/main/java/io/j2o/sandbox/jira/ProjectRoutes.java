package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cloud's {@code /project/search} (a {@code PageBeanProject}), Data Center's {@code /project} (a plain array of every
 * project), and {@code /project/{idOrKey}} and its {@code /versions} on both.
 */
final class ProjectRoutes {

    private final SimulatedSite site;

    ProjectRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        if (site.options().flavour() == JiraSimulator.Flavour.DATA_CENTER) {
            routes.get("/rest/api/2/project", this::list);
        } else {
            routes.get("/rest/api/3/project/search", this::search);
        }
        routes.get(site.apiPath() + "/project/{projectIdOrKey}", this::project);
        routes.get(site.apiPath() + "/project/{projectIdOrKey}/versions", this::versions);
    }

    private void list(Context ctx) {
        Set<String> expand = Paging.expand(ctx.queryParam("expand"));
        var array = JsonResponses.MAPPER.createArrayNode();
        site.projects().stream().sorted(order("key")).map(project -> summary(project, expand)).forEach(array::add);
        JsonResponses.send(ctx, 200, array);
    }

    private void search(Context ctx) {
        Set<String> keys = ctx.queryParams("keys").stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(key -> key.trim().toUpperCase(Locale.ROOT))
                .filter(key -> !key.isEmpty())
                .collect(Collectors.toSet());
        String query = ctx.queryParam("query") == null ? "" : ctx.queryParam("query").toLowerCase(Locale.ROOT);
        Set<String> expand = Paging.expand(ctx.queryParam("expand"));
        List<ObjectNode> matching = site.projects().stream()
                .filter(project -> keys.isEmpty() || keys.contains(project.path("key").asText().toUpperCase(Locale.ROOT)))
                .filter(project -> project.path("key").asText().toLowerCase(Locale.ROOT).contains(query)
                        || project.path("name").asText().toLowerCase(Locale.ROOT).contains(query))
                .sorted(order(ctx.queryParam("orderBy")))
                .toList();
        JsonResponses.send(ctx, 200, Paging.pageBean(ctx, site.dataset().siteUrl() + "/rest/api/3/project/search?", 50,
                site.options().projectPageCap(), matching, project -> summary(project, expand)));
    }

    private void project(Context ctx) {
        ObjectNode project = requiredProject(ctx);
        if (site.options().flavour() == JiraSimulator.Flavour.DATA_CENTER && !Paging.expand(ctx.queryParam("expand")).contains("lead")) {
            project = project.deepCopy();
            project.remove("lead");
        }
        JsonResponses.send(ctx, 200, project);
    }

    /** Every version of the project, as a plain array (not paged; Cloud pages only {@code /project/{key}/version}). */
    private void versions(Context ctx) {
        var array = JsonResponses.MAPPER.createArrayNode();
        site.dataset().versionsOf(requiredProject(ctx).path("id").asText()).forEach(version -> array.add(version.deepCopy()));
        JsonResponses.send(ctx, 200, array);
    }

    private ObjectNode requiredProject(Context ctx) {
        String idOrKey = ctx.pathParam("projectIdOrKey");
        return site.project(idOrKey).orElseThrow(() -> JiraApiException.notFound(
                "No project could be found with " + (idOrKey.chars().allMatch(Character::isDigit) ? "id" : "key")
                        + " '" + idOrKey + "'."));
    }

    /** Search results carry description and lead only when expanded, unlike the single-project resource. */
    private static ObjectNode summary(ObjectNode project, Set<String> expand) {
        ObjectNode copy = project.deepCopy();
        for (String optional : List.of("description", "lead")) {
            if (!expand.contains(optional)) {
                copy.remove(optional);
            }
        }
        return copy;
    }

    private static Comparator<ObjectNode> order(String orderBy) {
        String value = orderBy == null || orderBy.isBlank() ? "key" : orderBy;
        boolean descending = value.startsWith("-");
        String field = value.replaceFirst("^[+-]", "");
        if (!field.equals("key") && !field.equals("name") && !field.equals("id")) {
            throw JiraApiException.badRequest("Invalid orderBy value: " + orderBy);
        }
        Comparator<ObjectNode> comparator = field.equals("id")
                ? Comparator.comparingLong(project -> Long.parseLong(project.path("id").asText()))
                : Comparator.comparing(project -> project.path(field).asText().toLowerCase(Locale.ROOT));
        return descending ? comparator.reversed() : comparator;
    }
}
