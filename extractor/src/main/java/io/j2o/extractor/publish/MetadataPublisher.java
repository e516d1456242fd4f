package io.j2o.extractor.publish;

import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.topics.EntityKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes entities that carry no change time (projects, users, versions) when their content changed since this
 * extractor last published them, or always on a full resync; they are remembered once Kafka acknowledged them.
 */
public final class MetadataPublisher {

    private final EventPublisher publisher;
    private final ContentDedupe dedupe = new ContentDedupe();

    public MetadataPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Publishes the changed events of one kind to {@code topic} and waits for Kafka's acknowledgement.
     *
     * @param full publish every event, changed or not
     * @return how many were published
     */
    public int publishChanged(String topic, List<JiraEntityEvent> events, boolean full) {
        List<JiraEntityEvent> sent = new ArrayList<>();
        for (JiraEntityEvent event : events) {
            if (full || dedupe.isChanged(key(event), event.getPayload())) {
                publisher.publish(topic, event);
                sent.add(event);
            }
        }
        publisher.flush();
        sent.forEach(event -> dedupe.remember(key(event), event.getPayload()));
        return sent.size();
    }

    private static String key(JiraEntityEvent event) {
        return EntityKeys.jiraKey(event.getEntityType(), event.getJiraId());
    }
}
