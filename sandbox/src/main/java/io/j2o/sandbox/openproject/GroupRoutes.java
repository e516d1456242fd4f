package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * {@code /api/v3/groups}: list, create, show, update and delete, admin only on the real server (the API user here is
 * the admin). Names are unique; a PATCH with members replaces the whole member list, like a PUT.
 */
final class GroupRoutes {

    private static final int MAX_NAME = 256;

    private final SimulatorStore store;
    private final int maxPageSize;

    GroupRoutes(SimulatorStore store, int maxPageSize) {
        this.store = store;
        this.maxPageSize = maxPageSize;
    }

    void list(Context ctx) {
        List<QueryFilter> sent = HalResponse.filters(ctx);
        List<QueryFilter> filters = sent == null ? List.of() : sent;
        Predicate<Group> matcher = QueryFilter.all(filters, GroupRoutes::matcher);
        PageRequest page = PageRequest.from(ctx.queryParam("offset"), ctx.queryParam("pageSize"), 20, maxPageSize);
        HalResponse.send(ctx, 200, store.locked(() -> page.render("Collection", Hal.API + "/groups", filters,
                store.groups.values().stream().filter(matcher).map(g -> GroupRepresenter.render(g, store)).toList())));
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() -> GroupRepresenter.render(SimulatorStore.existing(store.groups, id),
                store)));
    }

    void create(Context ctx) {
        JsonNode payload = RequestGuard.jsonBody(ctx);
        ObjectNode body = store.locked(() -> {
            Group group = new Group();
            apply(payload, group);
            return GroupRepresenter.render(store.addGroup(group), store);
        });
        HalResponse.send(ctx, 201, body);
    }

    void update(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode payload = RequestGuard.jsonBody(ctx);
        HalResponse.send(ctx, 200, store.locked(() -> {
            Group current = SimulatorStore.existing(store.groups, id);
            Group changed = current.copy();
            apply(payload, changed);
            changed.updatedAt = store.now();
            store.groups.put(id, changed);
            return GroupRepresenter.render(changed, store);
        }));
    }

    /** 202 with no body: the real server deletes in a background job; its project memberships go with it. */
    void delete(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        store.locked(() -> {
            store.groups.remove(SimulatorStore.existing(store.groups, id).id);
            store.memberships.values().removeIf(m -> m.principalId == id);
        });
        ctx.status(202);
    }

    /** Mutates {@code group} with the name and members the body holds; throws the merged 422 when invalid. */
    private void apply(JsonNode payload, Group group) {
        List<ApiError> errors = new ArrayList<>();
        if (payload.has("name")) {
            group.name = payload.get("name").isNull() ? null : payload.get("name").asText().strip();
        }
        if (group.name == null || group.name.isEmpty()) {
            errors.add(ApiError.constraint("name", "Name can't be blank."));
        } else if (group.name.length() > MAX_NAME) {
            errors.add(ApiError.constraint("name", "Name is too long (maximum is " + MAX_NAME + " characters)."));
        } else if (store.groups.values().stream().anyMatch(g -> g.id != group.id && g.name.equalsIgnoreCase(group.name))) {
            errors.add(ApiError.constraint("name", "Name has already been taken."));
        }
        JsonNode members = payload.path("_links").get("members");
        if (members != null) {
            group.memberIds = members(members, errors);
        }
        ApiError.throwIfAny(errors);
    }

    private TreeSet<Integer> members(JsonNode links, List<ApiError> errors) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (JsonNode link : links) {
            LinkRef ref = LinkRef.read("members", link, "users", errors);
            if (ref.valid() && (ref.id() == null || !store.users.containsKey(ref.id()))) {
                errors.add(ApiError.constraint("members", "Members is invalid."));
            } else if (ref.id() != null) {
                ids.add(ref.id());
            }
        }
        return ids;
    }

    private static Predicate<Group> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        return switch (filter.name() + " " + filter.operator()) {
            case "id =" -> g -> values.contains(String.valueOf(g.id));
            default -> throw filter.unsupported();
        };
    }
}
