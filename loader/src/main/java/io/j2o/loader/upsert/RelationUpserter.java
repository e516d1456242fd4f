package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Relations are found by the two work packages they join and their type, read from either end: OpenProject stores
 * {@code A precedes B} as {@code B follows A}. It allows one relation per pair of work packages, so a pair already
 * joined by another type is refused with the relation that holds it named, instead of OpenProject's bare 409.
 */
public final class RelationUpserter implements Upserter {

    private static final String RELATIONS = "/api/v3/relations";

    private final OpenProjectClient client;

    public RelationUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        Pair pair = Pair.of(body);
        List<JsonNode> joining = joining(pair);
        Optional<JsonNode> existing = KnownResource.find(client, known).filter(pair::isHeldBy)
                .or(() -> joining.stream().filter(pair::isHeldBy).findFirst());
        if (existing.isEmpty() && !joining.isEmpty()) {
            JsonNode other = joining.get(0);
            throw new OpenProjectException.ValidationFailed(422, "RelationExists", "work packages " + pair.from() + " and "
                    + pair.to() + " are already related (" + HalLinks.self(other) + ", " + other.path("type").asText()
                    + "); OpenProject allows one relation per pair, so '" + pair.type() + "' cannot be added", "to");
        }
        String description = body.path("description").isTextual() ? body.path("description").asText() : null;
        if (existing.isEmpty()) {
            ObjectNode create = JsonNodeFactory.instance.objectNode().put("type", pair.type()).put("description", description);
            create.putObject("_links").set("to", body.path("_links").path("to"));
            return UpsertOutcome.of(JournalAction.CREATED, null,
                    client.post("/api/v3/work_packages/" + pair.from() + "/relations", create));
        }
        JsonNode current = existing.get();
        String currentDescription = current.path("description").isTextual() ? current.path("description").asText() : null;
        if (Objects.equals(description, currentDescription)) {
            return UpsertOutcome.unchanged(current);
        }
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current),
                JsonNodeFactory.instance.objectNode().put("description", description)));
    }

    /** By the mapping, else by the pair and type the DELETE body names. */
    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        Optional<JsonNode> existing = body == null ? KnownResource.find(client, known) : find(Pair.of(body));
        return existing.map(current -> {
            client.delete(HalLinks.self(current));
            return UpsertOutcome.of(JournalAction.DELETED, current, current);
        });
    }

    /** Every relation between the pair's two work packages, whatever its type and direction. */
    private List<JsonNode> joining(Pair pair) {
        return client.elements(RELATIONS, OpenProjectClient.filter("involved", "=", pair.from())).stream()
                .filter(pair::involves)
                .toList();
    }

    private Optional<JsonNode> find(Pair pair) {
        return joining(pair).stream().filter(pair::isHeldBy).findFirst();
    }

    /** The relation a command wants: {@code from} → {@code to} of {@code type}, work packages by id. */
    private record Pair(String from, String to, String type) {

        static Pair of(JsonNode body) {
            String type = body.path("type").asText("");
            if (!RelationType.isKnown(type)) {
                throw new MalformedCommandException("relation command with unknown type '" + type + "'");
            }
            return new Pair(HalLinks.requiredId(body, "from", "work_packages"),
                    HalLinks.requiredId(body, "to", "work_packages"), type);
        }

        boolean involves(JsonNode relation) {
            String f = idOf(relation, "from");
            String t = idOf(relation, "to");
            return (from.equals(f) && to.equals(t)) || (from.equals(t) && to.equals(f));
        }

        boolean isHeldBy(JsonNode relation) {
            String held = relation.path("type").asText();
            return from.equals(idOf(relation, "from")) ? to.equals(idOf(relation, "to")) && type.equals(held)
                    : from.equals(idOf(relation, "to")) && to.equals(idOf(relation, "from"))
                            && type.equals(RelationType.reverse(held));
        }

        private static String idOf(JsonNode relation, String end) {
            String href = HalLinks.href(relation, end);
            return href == null ? null : href.substring(href.lastIndexOf('/') + 1);
        }
    }
}
