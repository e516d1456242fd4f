package io.j2o.extractor.publish;

import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.topics.AcknowledgedSends;
import io.j2o.schemas.topics.EntityKeys;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes Jira change events, keyed {@code <entity>:<jiraId>} so every entity keeps its order in one partition. */
public final class EventPublisher {

    private final AcknowledgedSends<String, JiraEntityEvent> sends;

    public EventPublisher(Producer<String, JiraEntityEvent> producer) {
        this.sends = new AcknowledgedSends<>(producer);
    }

    public void publish(String topic, JiraEntityEvent event) {
        sends.send(new ProducerRecord<>(topic, EntityKeys.jiraKey(event.getEntityType(), event.getJiraId()), event));
    }

    /** Blocks until every event sent so far is acknowledged, or throws when one failed. */
    public void flush() {
        sends.flush();
    }
}
