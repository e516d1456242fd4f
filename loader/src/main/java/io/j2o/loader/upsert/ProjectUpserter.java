package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;

/** Projects are found by their identifier, which the transformer derives from the Jira project key. */
public final class ProjectUpserter implements Upserter {

    private static final String PROJECTS = "/api/v3/projects";

    private final OpenProjectClient client;

    public ProjectUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        Optional<JsonNode> existing = find(body.path("identifier").asText(), known);
        if (existing.isEmpty()) {
            return UpsertOutcome.of(JournalAction.CREATED, null, client.post(PROJECTS, body));
        }
        JsonNode current = existing.get();
        if (DesiredState.isSatisfiedBy(body, current)) {
            return UpsertOutcome.unchanged(current);
        }
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(PROJECTS + "/" + current.path("id").asLong(), body));
    }

    /** Only a project this pipeline created (known by its mapping) is ever deleted. */
    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        return KnownResource.delete(client, known);
    }

    private Optional<JsonNode> find(String identifier, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known);
        return byMapping.isPresent() ? byMapping : client.find(PROJECTS + "/" + identifier);
    }
}
