package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.function.Predicate;

/** {@code /api/v3/projects}: list with filters, create, show and update by id or identifier. */
final class ProjectRoutes {

    private final SimulatorStore store;
    private final int maxPageSize;

    ProjectRoutes(SimulatorStore store, int maxPageSize) {
        this.store = store;
        this.maxPageSize = maxPageSize;
    }

    void list(Context ctx) {
        List<QueryFilter> filters = HalResponse.filters(ctx);
        List<QueryFilter> effective = filters == null ? List.of() : filters;
        Predicate<Project> matcher = effective.stream().map(ProjectRoutes::matcher)
                .reduce(p -> true, Predicate::and);
        PageRequest page = PageRequest.from(ctx.queryParam("offset"), ctx.queryParam("pageSize"), 20, maxPageSize);
        ObjectNode body = store.locked(() -> page.render("Collection", Hal.API + "/projects", effective,
                store.projects.values().stream().filter(matcher).map(p -> ProjectRepresenter.render(p, store)).toList()));
        HalResponse.send(ctx, 200, body);
    }

    void create(Context ctx) {
        JsonNode payload = RequestGuard.jsonBody(ctx);
        ObjectNode body = store.locked(() -> {
            Project project = new Project();
            ProjectPayload.apply(payload, project, store);
            return ProjectRepresenter.render(store.addProject(project), store);
        });
        HalResponse.send(ctx, 201, body);
    }

    void show(Context ctx) {
        HalResponse.send(ctx, 200, store.locked(() -> ProjectRepresenter.render(find(ctx), store)));
    }

    void update(Context ctx) {
        JsonNode payload = RequestGuard.jsonBody(ctx);
        ObjectNode body = store.locked(() -> {
            Project current = find(ctx);
            Project changed = current.copy();
            ProjectPayload.apply(payload, changed, store);
            changed.updatedAt = store.now();
            store.projects.put(changed.id, changed);
            return ProjectRepresenter.render(changed, store);
        });
        HalResponse.send(ctx, 200, body);
    }

    private Project find(Context ctx) {
        Project project = store.project(ctx.pathParam("id"));
        if (project == null) {
            throw ApiError.notFound();
        }
        return project;
    }

    private static Predicate<Project> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        return switch (filter.name() + " " + filter.operator()) {
            case "id =" -> p -> values.contains(String.valueOf(p.id));
            case "id !" -> p -> !values.contains(String.valueOf(p.id));
            case "parent_id =" -> p -> p.parentId != null && values.contains(String.valueOf(p.parentId));
            case "active =" -> p -> values.contains(p.active ? "t" : "f");
            case "name_and_identifier =" -> p -> values.stream()
                    .anyMatch(v -> v.equalsIgnoreCase(p.name) || v.equalsIgnoreCase(p.identifier));
            case "name_and_identifier ~" -> p -> values.stream().anyMatch(v -> contains(p.name, v)
                    || contains(p.identifier, v));
            default -> throw filter.unsupported();
        };
    }

    static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase().contains(needle.toLowerCase());
    }
}
