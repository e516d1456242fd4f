package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;

/**
 * A work package's journals: list them, comment on the work package, read one, edit a comment. API v3 has no way
 * to delete a journal or its comment, so neither has the simulator.
 */
final class ActivityRoutes {

    private final SimulatorStore store;

    ActivityRoutes(SimulatorStore store) {
        this.store = store;
    }

    /** {@code GET /work_packages/{id}/activities}: every journal, oldest first, unpaginated as in OpenProject. */
    void list(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        ObjectNode body = store.locked(() -> {
            workPackage(id);
            List<ObjectNode> elements = store.activities.values().stream().filter(a -> a.workPackageId() == id)
                    .map(a -> ActivityRepresenter.render(a, store)).toList();
            return PageRequest.unpaginated(Hal.API + "/work_packages/" + id + "/activities", elements);
        });
        HalResponse.send(ctx, 200, body);
    }

    /** {@code POST /work_packages/{id}/activities}: the author is always the API user and the time always now. */
    void comment(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode created = store.locked(() -> {
            workPackage(id);
            return ActivityRepresenter.render(store.comment(id, UserRoutes.API_USER_ID, commentText(body)), store);
        });
        HalResponse.send(ctx, 201, created);
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() -> ActivityRepresenter.render(activity(id), store)));
    }

    /** {@code PATCH /activities/{id}}: replaces the comment text and nothing else. */
    void update(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode updated = store.locked(() -> {
            Activity edited = activity(id).withComment(commentText(body), store.now());
            store.activities.put(id, edited);
            return ActivityRepresenter.render(edited, store);
        });
        HalResponse.send(ctx, 200, updated);
    }

    private static String commentText(JsonNode body) {
        JsonNode raw = body.path("comment").path("raw");
        if (!raw.isTextual() || raw.asText().isBlank()) {
            throw ApiError.constraint("comment", "Comment can't be blank.");
        }
        return raw.asText();
    }

    private void workPackage(int id) {
        if (!store.workPackages.containsKey(id)) {
            throw ApiError.notFound();
        }
    }

    private Activity activity(int id) {
        Activity activity = store.activities.get(id);
        if (activity == null) {
            throw ApiError.notFound();
        }
        return activity;
    }
}
