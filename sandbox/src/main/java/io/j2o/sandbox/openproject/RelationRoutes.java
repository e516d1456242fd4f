package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Relations: created on their {@code from} work package, listed with filters, updated (type, description, lag) and
 * deleted by id. A second relation between the same two work packages, of any type, is refused with 409 as the
 * spec documents.
 */
final class RelationRoutes {

    private final SimulatorStore store;

    RelationRoutes(SimulatorStore store) {
        this.store = store;
    }

    void list(Context ctx) {
        Predicate<Relation> matcher = QueryFilter.all(HalResponse.filters(ctx), RelationRoutes::matcher);
        HalResponse.send(ctx, 200, store.locked(() -> PageRequest.unpaginated(Hal.API + "/relations",
                store.relations.values().stream().filter(matcher).map(r -> RelationRepresenter.render(r, store))
                        .toList())));
    }

    void show(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        HalResponse.send(ctx, 200, store.locked(() ->
                RelationRepresenter.render(SimulatorStore.existing(store.relations, id), store)));
    }

    void create(Context ctx) {
        int fromId = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        ObjectNode created = store.locked(() -> {
            if (!store.workPackages.containsKey(fromId)) {
                throw ApiError.notFound();
            }
            List<ApiError> errors = new ArrayList<>();
            LinkRef to = LinkRef.read("to", body.path("_links").get("to"), "work_packages", errors);
            String type = body.path("type").asText("");
            if (!Relation.isKnownType(type)) {
                errors.add(ApiError.constraint("type", "Type is not included in the list."));
            }
            if (to.valid() && (to.id() == null || !store.workPackages.containsKey(to.id()))) {
                errors.add(ApiError.constraint("to", "Related work package does not exist."));
            } else if (to.valid() && to.id() == fromId) {
                errors.add(ApiError.constraint("to", "Related work package cannot be the work package itself."));
            }
            ApiError.throwIfAny(errors);
            if (store.relations.values().stream().anyMatch(r -> r.joins(fromId, to.id()))) {
                throw ApiError.conflict();
            }
            Relation relation = new Relation();
            relation.id = store.nextId("relations");
            boolean reversed = Relation.REVERSED.containsKey(type);
            relation.type = reversed ? Relation.REVERSED.get(type) : type;
            relation.fromId = reversed ? to.id() : fromId;
            relation.toId = reversed ? fromId : to.id();
            describe(relation, body);
            store.relations.put(relation.id, relation);
            return RelationRepresenter.render(relation, store);
        });
        HalResponse.send(ctx, 201, created);
    }

    /** Only type, description and lag change; the work packages a relation joins are fixed once created. */
    void update(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        JsonNode body = RequestGuard.jsonBody(ctx);
        HalResponse.send(ctx, 200, store.locked(() -> {
            Relation relation = SimulatorStore.existing(store.relations, id);
            JsonNode links = body.path("_links");
            ApiError.refuseWritesTo(links, "from", "to");
            if (body.has("type")) {
                String type = body.path("type").asText("");
                if (!Relation.isKnownType(type)) {
                    throw ApiError.constraint("type", "Type is not included in the list.");
                }
                if (Relation.REVERSED.containsKey(type)) {
                    int from = relation.fromId;
                    relation.fromId = relation.toId;
                    relation.toId = from;
                }
                relation.type = Relation.REVERSED.getOrDefault(type, type);
            }
            describe(relation, body);
            return RelationRepresenter.render(relation, store);
        }));
    }

    void delete(Context ctx) {
        int id = HalResponse.intParam(ctx, "id");
        store.locked(() -> store.relations.remove(SimulatorStore.existing(store.relations, id).id));
        ctx.status(204);
    }

    private static void describe(Relation relation, JsonNode body) {
        if (body.has("description")) {
            relation.description = body.get("description").isNull() ? null : body.get("description").asText();
        }
        if (body.has("lag")) {
            relation.lag = body.get("lag").isNull() ? null : body.get("lag").asInt();
        }
    }

    private static Predicate<Relation> matcher(QueryFilter filter) {
        List<String> values = filter.values();
        return switch (filter.name() + " " + filter.operator()) {
            case "id =" -> r -> values.contains(String.valueOf(r.id));
            case "from =" -> r -> values.contains(String.valueOf(r.fromId));
            case "to =" -> r -> values.contains(String.valueOf(r.toId));
            case "involved =" -> r -> values.contains(String.valueOf(r.fromId))
                    || values.contains(String.valueOf(r.toId));
            case "type =" -> r -> values.contains(r.type);
            default -> throw filter.unsupported();
        };
    }
}
