package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Memberships are found by project and principal (OpenProject keeps one per pair). An existing membership keeps the
 * roles it has and gains ours: someone may have granted more in OpenProject, and the migration must not take it away.
 */
public final class MembershipUpserter implements Upserter {

    private static final String MEMBERSHIPS = "/api/v3/memberships";

    private final OpenProjectClient client;

    public MembershipUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        String projectId = HalLinks.requiredId(body, "project", "projects");
        String principalId = HalLinks.requiredId(body, "principal", "users");
        Set<String> wanted = roles(body);
        if (wanted.isEmpty()) {
            throw new MalformedCommandException("membership command without _links.roles");
        }
        Optional<JsonNode> existing = KnownResource.find(client, known).or(() -> find(projectId, principalId));
        if (existing.isEmpty()) {
            return UpsertOutcome.of(JournalAction.CREATED, null, client.post(MEMBERSHIPS, body));
        }
        JsonNode current = existing.get();
        Set<String> held = roles(current);
        if (held.containsAll(wanted)) {
            return UpsertOutcome.unchanged(current);
        }
        held.addAll(wanted);
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        ArrayNode roles = patch.putObject("_links").putArray("roles");
        held.forEach(href -> roles.addObject().put("href", href));
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current), patch));
    }

    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        return KnownResource.delete(client, known);
    }

    private Optional<JsonNode> find(String projectId, String principalId) {
        var filters = OpenProjectClient.filter("project", "=", projectId);
        OpenProjectClient.and(filters, "principal", "=", principalId);
        // At most one membership per project and principal: one unpaged request (the spec gives this collection no
        // offset or pageSize parameters).
        return client.elements(MEMBERSHIPS, filters).stream().findFirst();
    }

    private static Set<String> roles(JsonNode resource) {
        Set<String> hrefs = new LinkedHashSet<>();
        resource.path("_links").path("roles").forEach(role -> hrefs.add(role.path("href").asText()));
        return hrefs;
    }
}
