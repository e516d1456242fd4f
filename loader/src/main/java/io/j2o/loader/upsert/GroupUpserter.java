package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;

/**
 * Groups are found by name (unique in OpenProject) and hold exactly the members Jira lists: a PATCH with members
 * replaces the whole list, so a member removed in Jira leaves the OpenProject group too. Group names are unique, so
 * a group found by name after a lost create answer is the one we created, not a second one to make.
 */
public final class GroupUpserter implements Upserter {

    private static final String GROUPS = "/api/v3/groups";

    private final OpenProjectClient client;

    public GroupUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            throw new MalformedCommandException("group command without a name");
        }
        Optional<JsonNode> existing = find(name, known);
        if (existing.isEmpty()) {
            return UpsertOutcome.of(JournalAction.CREATED, null, client.post(GROUPS, body));
        }
        JsonNode current = existing.get();
        if (DesiredState.isSatisfiedBy(body, current)) {
            return UpsertOutcome.unchanged(current);
        }
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current), body));
    }

    /** Only a group this pipeline wrote (known by its mapping) is deleted: a same-named one may be someone's. */
    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        return KnownResource.delete(client, known);
    }

    /** The API offers no name filter for groups: every group is read and matched here, as OpenProject compares names. */
    private Optional<JsonNode> find(String name, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known);
        if (byMapping.isPresent()) {
            return byMapping;
        }
        return client.list(GROUPS, JsonNodeFactory.instance.arrayNode()).stream()
                .filter(group -> name.equalsIgnoreCase(group.path("name").asText()))
                .findFirst();
    }
}
