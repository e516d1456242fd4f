package io.j2o.schemas.topics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The Jira id the pipeline names an entity by, read from its JSON: the extractor keys its events with it, the rules
 * name references with it, the report finds the entity with it. One definition, so the three always agree.
 */
public final class JiraIds {

    private JiraIds() {
    }

    /**
     * A user, or a reference to one in an issue, worklog or group: Cloud's {@code accountId}, Data Center's
     * {@code key} (it survives renames), else its {@code name} (old Data Center payloads); empty for no user.
     */
    public static Optional<String> user(JsonNode user) {
        for (String field : List.of("accountId", "key", "name")) {
            String value = user.path(field).asText("");
            if (!value.isBlank()) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** A group: Cloud's {@code groupId}, else its {@code name} (Data Center groups have no id). */
    public static String group(JsonNode group) {
        return group.path("groupId").asText(group.path("name").asText());
    }
}
