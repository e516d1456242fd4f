package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;

/** Work packages: collections (global and per project), create, show, update with lockVersion, delete. */
final class WorkPackageRoutes {

    private final SimulatorStore store;
    private final WorkPackageRepresenter representer;
    private final WorkPackagePayload payload;
    private final int maxPageSize;

    WorkPackageRoutes(SimulatorStore store, WorkPackageRepresenter representer, WorkPackagePayload payload,
            int maxPageSize) {
        this.store = store;
        this.representer = representer;
        this.payload = payload;
        this.maxPageSize = maxPageSize;
    }

    void list(Context ctx) {
        listScoped(ctx, Hal.API + "/work_packages", null);
    }

    void listInProject(Context ctx) {
        Project project = store.locked(() -> store.project(ctx.pathParam("id")));
        if (project == null) {
            throw ApiError.notFound();
        }
        listScoped(ctx, Hal.API + "/projects/" + project.id + "/work_packages", project.id);
    }

    private void listScoped(Context ctx, String path, Integer projectId) {
        List<QueryFilter> sent = HalResponse.filters(ctx);
        List<QueryFilter> filters = sent == null ? WorkPackageFilters.DEFAULT : sent;
        var matcher = WorkPackageFilters.matcher(filters);
        var order = WorkPackageFilters.order(ctx.queryParam("sortBy"));
        PageRequest page = PageRequest.from(ctx.queryParam("offset"), ctx.queryParam("pageSize"), 30, maxPageSize);
        ObjectNode body = store.locked(() -> page.render("WorkPackageCollection", path, filters,
                store.workPackages.values().stream()
                        .filter(wp -> projectId == null || wp.projectId == projectId)
                        .filter(matcher).sorted(order).map(representer::render).toList()));
        HalResponse.send(ctx, 200, body);
    }

    void create(Context ctx) {
        createIn(ctx, null);
    }

    void createInProject(Context ctx) {
        Project project = store.locked(() -> store.project(ctx.pathParam("id")));
        if (project == null) {
            throw ApiError.notFound();
        }
        createIn(ctx, project.id);
    }

    private void createIn(Context ctx, Integer projectId) {
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode created = store.locked(() -> {
            WorkPackage wp = new WorkPackage();
            wp.projectId = projectId == null ? 0 : projectId;
            wp.typeId = ReferenceData.TYPES.get(0).id();
            wp.statusId = ReferenceData.defaultStatus().id();
            wp.priorityId = ReferenceData.defaultPriority().id();
            wp.authorId = UserRoutes.API_USER_ID;
            payload.apply(body, wp, true);
            store.addWorkPackage(wp);
            store.journal(wp, UserRoutes.API_USER_ID, List.of());
            return representer.render(wp);
        });
        HalResponse.send(ctx, 201, created);
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() -> representer.render(find(id))));
    }

    void update(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode updated = store.locked(() -> {
            WorkPackage current = find(id);
            JsonNode lockVersion = body.get("lockVersion");
            // A missing lockVersion is reverse-merged to nil and rejected as a conflict, like a stale one.
            if (lockVersion == null || !lockVersion.canConvertToInt() || lockVersion.asInt() != current.lockVersion) {
                throw ApiError.conflict();
            }
            WorkPackage changed = current.copy();
            payload.apply(body, changed, false);
            List<String> changes = WorkPackagePayload.changes(current, changed, store);
            if (!changes.isEmpty()) {
                changed.lockVersion = current.lockVersion + 1;
                changed.updatedAt = store.now();
                store.workPackages.put(id, changed);
                store.journal(changed, UserRoutes.API_USER_ID, changes);
            }
            return representer.render(store.workPackages.get(id));
        });
        HalResponse.send(ctx, 200, updated);
    }

    void delete(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        store.locked(() -> {
            find(id);
            store.deleteWorkPackage(id);
        });
        ctx.status(204);
    }

    private WorkPackage find(int id) {
        WorkPackage wp = store.workPackages.get(id);
        if (wp == null) {
            throw ApiError.notFound();
        }
        return wp;
    }
}
