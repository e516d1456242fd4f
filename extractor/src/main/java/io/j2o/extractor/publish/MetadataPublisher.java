package io.j2o.extractor.publish;

import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.CompactedTopicReader;
import io.j2o.schemas.topics.EntityKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes entities that carry no change time (projects, users, versions, groups, vocabularies) when their content changed since
 * they were last published, or always on a full resync; they are remembered once Kafka acknowledged them. What was
 * published before a restart is read back from the compacted topics, which hold the last event of every key.
 */
public final class MetadataPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataPublisher.class);

    private final EventPublisher publisher;
    private final ContentDedupe dedupe = new ContentDedupe();

    public MetadataPublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Remembers what {@code topics} hold now, read from their start to the end offsets they have at this moment: the
     * last payload of each key (a digest of it), none for a key whose last event is a deletion or a tombstone. Call it
     * before the first pass, with a consumer outside any group.
     *
     * @return how many keys are remembered
     */
    public int restore(Consumer<String, JiraEntityEvent> reader, List<String> topics) {
        for (String topic : topics) {
            int[] records = {0};
            CompactedTopicReader.readToEnd(reader, topic, (key, event) -> {
                records[0]++;
                if (event == null || event.getChange() == ChangeType.DELETE || event.getPayload() == null) {
                    dedupe.forget(key);
                } else {
                    dedupe.remember(key, event.getPayload());
                }
            });
            LOG.info("published metadata read back topic={} records={}", topic, records[0]);
        }
        return dedupe.size();
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

    /**
     * Publishes a deletion, built by {@code deletion} from the Jira id, for each entity of {@code type} published
     * before and missing from {@code listed}, which must be Jira's complete listing of that kind; waits for Kafka's
     * acknowledgement and then forgets them.
     *
     * @return how many deletions were published
     */
    public int publishVanished(String topic, JiraEntityType type, Set<String> listed, Function<String, JiraEntityEvent> deletion) {
        String prefix = EntityKeys.jiraKey(type, "");
        List<String> vanished = dedupe.keysStartingWith(prefix).stream()
                .filter(key -> !listed.contains(key.substring(prefix.length()))).toList();
        for (String key : vanished) {
            publisher.publish(topic, deletion.apply(key.substring(prefix.length())));
        }
        publisher.flush();
        vanished.forEach(dedupe::forget);
        return vanished.size();
    }

    private static String key(JiraEntityEvent event) {
        return EntityKeys.jiraKey(event.getEntityType(), event.getJiraId());
    }
}
