package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Versions: the global and per-project collections, create, show, update (no lockVersion) and delete. */
final class VersionRoutes {

    private static final Set<String> STATUSES = Set.of("open", "locked", "closed");
    private static final Set<String> SHARINGS = Set.of("none", "descendants", "hierarchy", "tree", "system");

    private final SimulatorStore store;

    VersionRoutes(SimulatorStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        Predicate<Version> matcher = QueryFilter.all(HalResponse.filters(ctx), VersionRoutes::matcher);
        send(ctx, Hal.API + "/versions", matcher);
    }

    /** Versions defined in the project or shared with it system-wide. */
    void listInProject(Context ctx) {
        Project project = store.locked(() -> store.project(ctx.pathParam("id")));
        if (project == null) {
            throw ApiError.notFound();
        }
        send(ctx, Hal.API + "/projects/" + project.id + "/versions",
                v -> v.projectId == project.id || v.sharing.equals("system"));
    }

    private void send(Context ctx, String self, Predicate<Version> matcher) {
        HalResponse.send(ctx, 200, store.locked(() -> PageRequest.unpaginated(self, store.versions.values().stream()
                .filter(matcher).map(v -> VersionRepresenter.render(v, store)).toList())));
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() ->
                VersionRepresenter.render(SimulatorStore.existing(store.versions, id), store)));
    }

    void create(Context ctx) {
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode created = store.locked(() -> {
            Version version = new Version();
            apply(body, version, true);
            version.id = store.nextId("versions");
            version.createdAt = store.now();
            version.updatedAt = version.createdAt;
            store.versions.put(version.id, version);
            return VersionRepresenter.render(version, store);
        });
        HalResponse.send(ctx, 201, created);
    }

    void update(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        HalResponse.send(ctx, 200, store.locked(() -> {
            Version version = SimulatorStore.existing(store.versions, id);
            apply(body, version, false);
            version.updatedAt = store.now();
            return VersionRepresenter.render(version, store);
        }));
    }

    void delete(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        store.locked(() -> {
            SimulatorStore.existing(store.versions, id);
            store.versions.remove(id);
            store.workPackages.values().stream().filter(wp -> Integer.valueOf(id).equals(wp.versionId))
                    .forEach(wp -> wp.versionId = null);
        });
        ctx.status(204);
    }

    /** Validates everything first and changes {@code version} only when the whole body is valid. */
    private void apply(JsonNode body, Version version, boolean creating) {
        List<ApiError> errors = new ArrayList<>();
        String name = body.has("name") ? body.path("name").asText(null) : version.name;
        int projectId = version.projectId;
        if (body.path("_links").has("definingProject")) {
            if (!creating) {
                errors.add(ApiError.readOnly("definingProject"));
            }
            LinkRef ref = LinkRef.read("definingProject", body.path("_links").get("definingProject"), "projects",
                    errors);
            projectId = ref.id() == null ? 0 : ref.id();
        }
        if (name == null || name.isBlank()) {
            errors.add(ApiError.constraint("name", "Name can't be blank."));
        } else if (nameTaken(name, projectId, version.id)) {
            errors.add(ApiError.constraint("name", "Name has already been taken."));
        }
        if (!store.projects.containsKey(projectId)) {
            errors.add(ApiError.constraint("definingProject", "Project can't be blank."));
        }
        String status = body.has("status") ? body.path("status").asText() : version.status;
        if (!STATUSES.contains(status)) {
            errors.add(ApiError.constraint("status", "Status is not included in the list."));
        }
        String sharing = body.has("sharing") ? body.path("sharing").asText() : version.sharing;
        if (!SHARINGS.contains(sharing)) {
            errors.add(ApiError.constraint("sharing", "Sharing is not included in the list."));
        }
        LocalDate start = body.has("startDate")
                ? WorkPackagePayload.date("startDate", body.get("startDate"), null, errors) : version.startDate;
        LocalDate end = body.has("endDate")
                ? WorkPackagePayload.date("endDate", body.get("endDate"), null, errors) : version.endDate;
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(ApiError.constraint("endDate", "Finish date must be greater than or equal to start date."));
        }
        ApiError.throwIfAny(errors);
        version.name = name;
        version.projectId = projectId;
        version.status = status;
        version.sharing = sharing;
        version.startDate = start;
        version.endDate = end;
        if (body.has("description")) {
            version.description = body.get("description").path("raw").asText("");
        }
    }

    private boolean nameTaken(String name, int projectId, int ownId) {
        return store.versions.values().stream()
                .anyMatch(v -> v.id != ownId && v.projectId == projectId && v.name.equalsIgnoreCase(name));
    }

    private static Predicate<Version> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        return switch (filter.name() + " " + filter.operator()) {
            case "name =" -> v -> values.stream().anyMatch(v.name::equalsIgnoreCase);
            case "sharing =" -> v -> values.contains(v.sharing);
            default -> throw filter.unsupported();
        };
    }
}
