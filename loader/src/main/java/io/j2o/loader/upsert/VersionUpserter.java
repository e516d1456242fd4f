package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;

/**
 * Versions are found by name among the versions of their defining project (names are unique there). Versions carry
 * no lockVersion in API v3, so an update is a plain PATCH of everything but the defining project, which is fixed.
 */
public final class VersionUpserter implements Upserter {

    private static final String VERSIONS = "/api/v3/versions";

    private final OpenProjectClient client;

    public VersionUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        String name = body.path("name").asText("");
        String projectId = HalLinks.requiredId(body, "definingProject", "projects");
        if (name.isBlank()) {
            throw new MalformedCommandException("version command without a name");
        }
        Optional<JsonNode> existing = find(projectId, name, known);
        if (existing.isEmpty()) {
            return UpsertOutcome.of(JournalAction.CREATED, null, client.post(VERSIONS, body));
        }
        JsonNode current = existing.get();
        if (DesiredState.isSatisfiedBy(body, current)) {
            return UpsertOutcome.unchanged(current);
        }
        ObjectNode patch = body.deepCopy();
        patch.remove("_links");
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current), patch));
    }

    /** Only a version this pipeline wrote (known by its mapping) is deleted: a same-named one may be someone's. */
    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        return KnownResource.delete(client, known);
    }

    private Optional<JsonNode> find(String projectId, String name, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known);
        if (byMapping.isPresent()) {
            return byMapping;
        }
        String project = "/api/v3/projects/" + projectId;
        // The project's collection also lists versions shared into it from elsewhere: only its own count.
        return client.elements(project + "/versions").stream()
                .filter(version -> project.equals(HalLinks.href(version, "definingProject")))
                .filter(version -> name.equalsIgnoreCase(version.path("name").asText()))
                .findFirst();
    }
}
