package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Memberships (a user's or group's roles in a project) and the seeded roles they grant. One membership per project and principal. */
final class MembershipRoutes {

    private final SimulatorStore store;
    private final int maxPageSize;

    MembershipRoutes(SimulatorStore store, int maxPageSize) {
        this.store = store;
        this.maxPageSize = maxPageSize;
    }

    void roles(Context ctx) {
        HalResponse.send(ctx, 200, PageRequest.unpaginated(Hal.API + "/roles",
                ReferenceData.ROLES.stream().map(MembershipRepresenter::role).toList()));
    }

    void role(Context ctx) {
        HalResponse.send(ctx, 200, Optional.ofNullable(ReferenceData.role(HalResponse.intParam(ctx, "id")))
                .map(MembershipRepresenter::role).orElseThrow(ApiError::notFound));
    }

    void list(Context ctx) {
        List<QueryFilter> sent = HalResponse.filters(ctx);
        List<QueryFilter> filters = sent == null ? List.of() : sent;
        Predicate<Membership> matcher = QueryFilter.all(filters, MembershipRoutes::matcher);
        PageRequest page = PageRequest.from(ctx.queryParam("offset"), ctx.queryParam("pageSize"), 20, maxPageSize);
        HalResponse.send(ctx, 200, store.locked(() -> page.render("Collection", Hal.API + "/memberships", filters,
                store.memberships.values().stream().filter(matcher).map(m -> MembershipRepresenter.render(m, store))
                        .toList())));
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() ->
                MembershipRepresenter.render(SimulatorStore.existing(store.memberships, id), store)));
    }

    void create(Context ctx) {
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode created = store.locked(() -> {
            List<ApiError> errors = new ArrayList<>();
            JsonNode links = body.path("_links");
            Membership membership = new Membership();
            membership.projectId = existing("project", "Project", links, "projects",
                    id -> store.projects.containsKey(id), errors);
            membership.principalId = principal(links, errors);
            membership.roleIds = roles(links, errors);
            boolean taken = store.memberships.values().stream().anyMatch(m -> m.projectId == membership.projectId
                    && m.principalId == membership.principalId);
            if (taken) {
                errors.add(ApiError.constraint("principal", "User has already been taken."));
            }
            ApiError.throwIfAny(errors);
            membership.id = store.nextId("memberships");
            membership.createdAt = store.now();
            membership.updatedAt = membership.createdAt;
            store.memberships.put(membership.id, membership);
            return MembershipRepresenter.render(membership, store);
        });
        HalResponse.send(ctx, 201, created);
    }

    /** Only the roles change; project and principal are fixed once created. */
    void update(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        HalResponse.send(ctx, 200, store.locked(() -> {
            Membership membership = SimulatorStore.existing(store.memberships, id);
            JsonNode links = body.path("_links");
            ApiError.refuseWritesTo(links, "project", "principal");
            if (links.has("roles")) {
                List<ApiError> errors = new ArrayList<>();
                TreeSet<Integer> roles = roles(links, errors);
                ApiError.throwIfAny(errors);
                membership.roleIds = roles;
                membership.updatedAt = store.now();
            }
            return MembershipRepresenter.render(membership, store);
        }));
    }

    void delete(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        store.locked(() -> store.memberships.remove(SimulatorStore.existing(store.memberships, id).id));
        ctx.status(204);
    }

    private static int existing(String property, String label, JsonNode links, String collection,
            Predicate<Integer> exists, List<ApiError> errors) {
        LinkRef ref = LinkRef.read(property, links.get(property), collection, errors);
        if (ref.valid() && (ref.id() == null || !exists.test(ref.id()))) {
            errors.add(ApiError.constraint(property, label + " can't be blank."));
        }
        return ref.id() == null ? 0 : ref.id();
    }

    /** A user or a group: both are principals, and a group's membership reaches all its users. */
    private int principal(JsonNode links, List<ApiError> errors) {
        boolean group = links.path("principal").path("href").asText("").contains("/groups/");
        return existing("principal", "Principal", links, group ? "groups" : "users",
                id -> group ? store.groups.containsKey(id) : store.users.containsKey(id), errors);
    }

    private static TreeSet<Integer> roles(JsonNode links, List<ApiError> errors) {
        TreeSet<Integer> roles = new TreeSet<>();
        for (JsonNode link : links.path("roles")) {
            LinkRef ref = LinkRef.read("roles", link, "roles", errors);
            if (ref.valid() && (ref.id() == null || ReferenceData.role(ref.id()) == null)) {
                errors.add(ApiError.constraint("roles", "Roles is not set to one of the allowed values."));
            } else if (ref.id() != null) {
                roles.add(ref.id());
            }
        }
        if (roles.isEmpty()) {
            errors.add(ApiError.constraint("roles", "Roles need to be assigned."));
        }
        return roles;
    }

    private static Predicate<Membership> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        return switch (filter.name() + " " + filter.operator()) {
            case "project =" -> m -> values.contains(String.valueOf(m.projectId));
            case "principal =" -> m -> values.contains(String.valueOf(m.principalId));
            case "role =" -> m -> m.roleIds.stream().anyMatch(id -> values.contains(String.valueOf(id)));
            default -> throw filter.unsupported();
        };
    }
}
