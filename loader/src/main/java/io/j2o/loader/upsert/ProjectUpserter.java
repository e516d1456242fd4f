package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Projects are found by their identifier, which the transformer derives from the Jira project key. A parent named
 * by identifier ({@code mapping.projects.parent}) is looked up and linked by its numeric href, as OpenProject
 * expects it and renders it back.
 */
public final class ProjectUpserter implements Upserter {

    private static final String PROJECTS = "/api/v3/projects";
    /** A project href by identifier: an identifier is never all digits, so a numeric href is never taken for one. */
    private static final Pattern BY_IDENTIFIER = Pattern.compile(PROJECTS + "/(?!\\d+$)([a-z0-9_-]+)");

    private final OpenProjectClient client;

    public ProjectUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode command, Optional<Mapping> known) {
        ObjectNode body = withNumericParent(command);
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

    /**
     * The body with {@code _links.parent} pointing at the parent's numeric href. A parent that does not exist is
     * refused the way OpenProject refuses a missing parent (422 on {@code parent}), so the command is parked with the
     * reason instead of creating the project at the top level.
     */
    private ObjectNode withNumericParent(ObjectNode command) {
        String href = HalLinks.href(command, "parent");
        Matcher identifier = BY_IDENTIFIER.matcher(href == null ? "" : href);
        if (!identifier.matches()) {
            return command;
        }
        JsonNode parent = client.find(PROJECTS + "/" + identifier.group(1)).orElseThrow(() ->
                new OpenProjectException.ValidationFailed(422, "PropertyConstraintViolation", "parent project '"
                        + identifier.group(1) + "' (mapping.projects.parent) does not exist in OpenProject; create it"
                        + " first or change the mapping", "parent"));
        ObjectNode body = command.deepCopy();
        ((ObjectNode) body.path("_links")).putObject("parent").put("href", HalLinks.self(parent));
        return body;
    }

    private Optional<JsonNode> find(String identifier, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known);
        return byMapping.isPresent() ? byMapping : client.find(PROJECTS + "/" + identifier);
    }
}
