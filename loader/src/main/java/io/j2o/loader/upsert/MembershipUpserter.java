package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memberships are found by project and principal (a user or a group; OpenProject keeps one per pair). An existing
 * membership keeps the roles it has and gains ours: someone may have granted more in OpenProject, or another command
 * (an issue's people, a Jira project role) gave the same principal another role there, and the migration must not
 * take it away. Commands for one pair arrive under different keys, so they may run at once: this loader writes one
 * pair at a time, and a create that another writer beat is merged into the membership it made.
 */
public final class MembershipUpserter implements Upserter {

    private static final String MEMBERSHIPS = "/api/v3/memberships";
    private static final Pattern PRINCIPAL = Pattern.compile("/api/v3/(users|groups)/(\\d+)");
    private static final int STRIPES = 64;

    private final OpenProjectClient client;
    private final Object[] stripes = new Object[STRIPES];

    public MembershipUpserter(OpenProjectClient client) {
        this.client = client;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        String projectId = HalLinks.requiredId(body, "project", "projects");
        String principalId = principalId(body);
        Set<String> wanted = roles(body);
        if (wanted.isEmpty()) {
            throw new MalformedCommandException("membership command without _links.roles");
        }
        // Reading the roles and writing them back must not interleave with another command for the same pair.
        synchronized (stripes[Math.floorMod((projectId + "|" + principalId).hashCode(), STRIPES)]) {
            Optional<JsonNode> existing = KnownResource.find(client, known).or(() -> find(projectId, principalId));
            if (existing.isEmpty()) {
                try {
                    return UpsertOutcome.of(JournalAction.CREATED, null, client.post(MEMBERSHIPS, body));
                } catch (OpenProjectException.ValidationFailed e) {
                    // Another loader created the pair's membership since we looked: add our roles to it.
                    existing = find(projectId, principalId);
                    if (existing.isEmpty()) {
                        throw e;
                    }
                }
            }
            return merge(existing.get(), wanted);
        }
    }

    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        return KnownResource.delete(client, known);
    }

    private UpsertOutcome merge(JsonNode current, Set<String> wanted) {
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

    /** The id of the resolved principal, a user or a group (both are principals and share one id space). */
    private static String principalId(JsonNode body) {
        String href = HalLinks.href(body, "principal");
        Matcher matcher = PRINCIPAL.matcher(href == null ? "" : href);
        if (!matcher.matches()) {
            throw new MalformedCommandException("command without a resolved _links.principal (/api/v3/users/<id> or "
                    + "/api/v3/groups/<id>), was '" + href + "'");
        }
        return matcher.group(2);
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
