package io.j2o.schemas.topics;

import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityType;
import java.util.Locale;

/**
 * Record keys of the pipeline: {@code <entity>:<jiraId>} on the Jira topics, {@code <kind>:<jiraId>} on the command
 * and mapping topics (e.g. {@code work_package:10042}). A reference to another entity is that entity's command key.
 */
public final class EntityKeys {

    private EntityKeys() {
    }

    public static String jiraKey(JiraEntityType type, String jiraId) {
        return type.name().toLowerCase(Locale.ROOT) + ":" + jiraId;
    }

    public static String commandKey(CommandKind kind, String jiraId) {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + jiraId;
    }
}
