package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Time entries on work packages: the filtered collection, create, show, update and delete. The project is the work
 * package's; the user defaults to the API user and may be anyone (the API user is an admin). The activity is always
 * the seeded default: a written {@code _links.activity} is refused, the simulator does not model activities.
 */
final class TimeEntryRoutes {

    private final SimulatorStore store;
    private final int maxPageSize;

    TimeEntryRoutes(SimulatorStore store, int maxPageSize) {
        this.store = store;
        this.maxPageSize = maxPageSize;
    }

    void list(Context ctx) {
        List<QueryFilter> sent = HalResponse.filters(ctx);
        List<QueryFilter> filters = sent == null ? List.of() : sent;
        Predicate<TimeEntry> matcher = QueryFilter.all(filters, TimeEntryRoutes::matcher);
        PageRequest page = PageRequest.from(ctx.queryParam("offset"), ctx.queryParam("pageSize"), 20, maxPageSize);
        HalResponse.send(ctx, 200, store.locked(() -> page.render("Collection", Hal.API + "/time_entries", filters,
                store.timeEntries.values().stream().filter(matcher).map(t -> TimeEntryRepresenter.render(t, store))
                        .toList())));
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() ->
                TimeEntryRepresenter.render(SimulatorStore.existing(store.timeEntries, id), store)));
    }

    void create(Context ctx) {
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode created = store.locked(() -> {
            TimeEntry entry = new TimeEntry();
            entry.userId = UserRoutes.API_USER_ID;
            entry.activityId = ReferenceData.defaultTimeEntryActivity().id();
            apply(body, entry);
            entry.id = store.nextId("time_entries");
            entry.createdAt = store.now();
            entry.updatedAt = entry.createdAt;
            store.timeEntries.put(entry.id, entry);
            return TimeEntryRepresenter.render(entry, store);
        });
        HalResponse.send(ctx, 201, created);
    }

    void update(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        HalResponse.send(ctx, 200, store.locked(() -> {
            TimeEntry entry = SimulatorStore.existing(store.timeEntries, id);
            apply(body, entry);
            entry.updatedAt = store.now();
            return TimeEntryRepresenter.render(entry, store);
        }));
    }

    void delete(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        store.locked(() -> store.timeEntries.remove(SimulatorStore.existing(store.timeEntries, id).id));
        ctx.status(204);
    }

    /** Validates everything first and changes {@code entry} only when the whole body is valid. */
    private void apply(JsonNode body, TimeEntry entry) {
        List<ApiError> errors = new ArrayList<>();
        JsonNode links = body.path("_links");
        if (links.has("activity")) {
            errors.add(ApiError.constraint("activity", "The simulator only knows the default activity."));
        }
        int workPackageId = entry.workPackageId;
        String entityProperty = links.has("entity") ? "entity" : "workPackage";
        if (links.has(entityProperty)) {
            LinkRef ref = LinkRef.read(entityProperty, links.get(entityProperty), "work_packages", errors);
            workPackageId = ref.id() == null ? 0 : ref.id();
        }
        WorkPackage wp = store.workPackages.get(workPackageId);
        if (wp == null) {
            errors.add(ApiError.constraint(entityProperty, "Work package is invalid."));
        }
        int userId = entry.userId;
        if (links.has("user")) {
            LinkRef ref = LinkRef.read("user", links.get("user"), "users", errors);
            userId = ref.id() == null ? 0 : ref.id();
            if (!store.users.containsKey(userId)) {
                errors.add(ApiError.constraint("user", "User is invalid."));
            }
        }
        Duration hours = body.has("hours")
                ? WorkPackagePayload.duration("hours", "Hours", body.get("hours"), null, errors) : entry.hours;
        if (hours == null) {
            errors.add(ApiError.constraint("hours", "Hours can't be blank."));
        }
        LocalDate spentOn = body.has("spentOn")
                ? WorkPackagePayload.date("spentOn", body.get("spentOn"), null, errors) : entry.spentOn;
        if (spentOn == null) {
            errors.add(ApiError.constraint("spentOn", "Date can't be blank."));
        }
        ApiError.throwIfAny(errors);
        entry.workPackageId = workPackageId;
        entry.projectId = wp.projectId;
        entry.userId = userId;
        entry.hours = hours;
        entry.spentOn = spentOn;
        if (body.has("comment")) {
            entry.comment = body.get("comment").path("raw").asText("");
        }
    }

    private static Predicate<TimeEntry> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        return switch (filter.name() + " " + filter.operator()) {
            case "entity_type =" -> t -> values.contains("WorkPackage");
            case "entity_id =", "work_package =" -> t -> values.contains(String.valueOf(t.workPackageId));
            case "user_id =" -> t -> values.contains(String.valueOf(t.userId));
            case "project_id =" -> t -> values.contains(String.valueOf(t.projectId));
            default -> throw filter.unsupported();
        };
    }
}
