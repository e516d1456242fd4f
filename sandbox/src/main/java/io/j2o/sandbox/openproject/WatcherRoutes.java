package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The watchers of a work package: list, add (201 for a new watcher, 200 when the user already watches) and remove.
 * As in OpenProject only a user who may view the work package can watch it: an admin, or a member of its project;
 * anyone else, a locked user or a user that does not exist is a 422 on {@code user}.
 */
final class WatcherRoutes {

    private final SimulatorStore store;

    WatcherRoutes(SimulatorStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        int workPackageId = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() -> {
            SimulatorStore.existing(store.workPackages, workPackageId);
            List<ObjectNode> users = watchersOf(workPackageId).stream()
                    .map(userId -> UserRepresenter.render(store.users.get(userId))).toList();
            ObjectNode collection = Hal.object();
            collection.put("_type", "Collection");
            collection.put("total", users.size());
            collection.put("count", users.size());
            collection.putObject("_embedded").putArray("elements").addAll(users);
            Hal.link(collection.putObject("_links"), "self", Hal.API + "/work_packages/" + workPackageId + "/watchers", null);
            return collection;
        }));
    }

    void add(Context ctx) {
        int workPackageId = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        if (!body.path("user").isObject()) {
            throw ApiError.of(400, "InvalidRequestBody", "The request body did not contain a link object under 'user'.");
        }
        int[] status = new int[1];
        ObjectNode user = store.locked(() -> {
            WorkPackage workPackage = SimulatorStore.existing(store.workPackages, workPackageId);
            List<ApiError> errors = new ArrayList<>();
            LinkRef ref = LinkRef.read("user", body.get("user"), "users", errors);
            ApiError.throwIfAny(errors);
            User watcher = ref.id() == null ? null : store.users.get(ref.id());
            if (watcher == null) {
                throw ApiError.constraint("user", "User does not exist.");
            }
            if (!mayWatch(watcher, workPackage)) {
                throw ApiError.constraint("user", "User is not allowed to view this resource.");
            }
            boolean added = store.watchers.computeIfAbsent(workPackageId, id -> new TreeSet<>()).add(watcher.id);
            status[0] = added ? 201 : 200;
            return UserRepresenter.render(watcher);
        });
        HalResponse.send(ctx, status[0], user);
    }

    void remove(Context ctx) {
        int workPackageId = HalResponse.intParam(ctx, "id");
        int userId = HalResponse.intParam(ctx, "user_id");
        store.locked(() -> {
            SimulatorStore.existing(store.workPackages, workPackageId);
            SimulatorStore.existing(store.users, userId);
            watchersOf(workPackageId).remove(userId);
        });
        ctx.status(204);
    }

    /** Every watcher of every work package as {@code {_links:{workPackage, user}}}, for exported state. */
    static List<ObjectNode> render(SimulatorStore store) {
        List<ObjectNode> all = new ArrayList<>();
        store.watchers.forEach((workPackageId, userIds) -> userIds.forEach(userId -> {
            ObjectNode watcher = Hal.object();
            ObjectNode links = watcher.putObject("_links");
            Hal.link(links, "workPackage", Hal.API + "/work_packages/" + workPackageId, null);
            Hal.link(links, "user", Hal.API + "/users/" + userId, null);
            all.add(watcher);
        }));
        return all;
    }

    private TreeSet<Integer> watchersOf(int workPackageId) {
        return store.watchers.getOrDefault(workPackageId, new TreeSet<>());
    }

    private boolean mayWatch(User user, WorkPackage workPackage) {
        if ("locked".equals(user.status)) {
            return false;
        }
        return user.admin || store.memberships.values().stream()
                .anyMatch(m -> m.projectId == workPackage.projectId && m.principalId == user.id);
    }
}
