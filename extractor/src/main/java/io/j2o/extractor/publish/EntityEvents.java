package io.j2o.extractor.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraSource;
import java.time.Clock;
import java.time.Instant;

/** Builds the events of one Jira site: what changed, stamped with the site, its flavour and API version. */
public final class EntityEvents {

    private final JiraSource source;
    private final Clock clock;

    public EntityEvents(JiraSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** An entity as Jira returned it; {@code updated} may be null when Jira gave none. */
    public JiraEntityEvent upsert(JiraEntityType type, String id, String key, String projectKey, Instant updated,
            JsonNode payload) {
        return builder(type, id, projectKey).setJiraKey(key).setChange(ChangeType.UPSERT).setJiraUpdatedAt(updated)
                .setPayload(payload.toString()).build();
    }

    /** An entity Jira no longer has: no key, no time, no payload. */
    public JiraEntityEvent delete(JiraEntityType type, String id, String projectKey) {
        return builder(type, id, projectKey).setJiraKey(null).setChange(ChangeType.DELETE).setJiraUpdatedAt(null)
                .setPayload(null).build();
    }

    private JiraEntityEvent.Builder builder(JiraEntityType type, String id, String projectKey) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(type)
                .setJiraId(id)
                .setProjectKey(projectKey)
                .setExtractedAt(clock.instant())
                .setSource(source);
    }
}
