package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users are found by login, then by email, and invited only when neither matches. An existing OpenProject user is
 * someone's account: only the names we migrate are ever changed on it, never its login, email or status. A body
 * holding only a login names a fallback user that must already exist.
 */
public final class UserUpserter implements Upserter {

    private static final Logger LOG = LoggerFactory.getLogger(UserUpserter.class);
    private static final String USERS = "/api/v3/users";
    private static final List<String> UPDATABLE = List.of("firstName", "lastName");

    private final OpenProjectClient client;

    public UserUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        String login = body.path("login").asText("");
        if (login.isBlank()) {
            throw new MalformedCommandException("user command without a login");
        }
        boolean mustExist = body.size() == 1;
        Optional<JsonNode> existing = find(login, body.path("email").asText(null), known);
        if (existing.isEmpty() && mustExist) {
            throw new OpenProjectException.NotFound("UserNotFound",
                    "user '" + login + "' must already exist in OpenProject (fallback user) but does not");
        }
        if (existing.isEmpty()) {
            return UpsertOutcome.of(JournalAction.CREATED, null, client.post(USERS, body));
        }
        JsonNode current = existing.get();
        ObjectNode names = JsonNodeFactory.instance.objectNode();
        UPDATABLE.stream().filter(body::has).forEach(field -> names.set(field, body.get(field)));
        if (DesiredState.isSatisfiedBy(names, current)) {
            return UpsertOutcome.unchanged(current);
        }
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current), names));
    }

    /** Never: a user may own work beyond the migration, and OpenProject would hand it to "Deleted user". */
    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        LOG.info("user removed from Jira is kept in OpenProject jiraKey={}", jiraKey);
        return Optional.empty();
    }

    private Optional<JsonNode> find(String login, String email, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known);
        if (byMapping.isPresent()) {
            return byMapping;
        }
        Optional<JsonNode> byLogin = client.list(USERS, OpenProjectClient.filter("login", "=", login)).stream()
                .filter(user -> login.equalsIgnoreCase(user.path("login").asText()))
                .findFirst();
        if (byLogin.isPresent() || email == null) {
            return byLogin;
        }
        // The spec's users filters have no email; "name" searches names and email addresses, so match exactly here.
        return client.list(USERS, OpenProjectClient.filter("name", "~", email)).stream()
                .filter(user -> email.equalsIgnoreCase(user.path("email").asText()))
                .findFirst();
    }
}
