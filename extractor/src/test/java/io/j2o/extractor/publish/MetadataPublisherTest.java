package io.j2o.extractor.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class MetadataPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final EntityEvents events = new EntityEvents(new JiraSource("site", JiraFlavour.CLOUD, "3"), Clock.systemUTC());

    @Test
    void publishesAnEntityAgainOnlyWhenItsContentChangedOrOnAFullResync() {
        MockProducer<String, JiraEntityEvent> producer = producer(true);
        MetadataPublisher publisher = new MetadataPublisher(new EventPublisher(producer));

        assertThat(publisher.publishChanged("users", List.of(user("a", "Ann"), user("b", "Bo")), false)).isEqualTo(2);
        assertThat(publisher.publishChanged("users", List.of(user("a", "Ann"), user("b", "Bo")), false)).isZero();
        assertThat(publisher.publishChanged("users", List.of(user("a", "Ann Lee"), user("b", "Bo")), false)).isEqualTo(1);
        assertThat(publisher.publishChanged("users", List.of(user("a", "Ann Lee"), user("b", "Bo")), true)).isEqualTo(2);
        assertThat(producer.history()).extracting(record -> record.key())
                .containsExactly("user:a", "user:b", "user:a", "user:a", "user:b");
    }

    @Test
    void anEntityKafkaDidNotAcknowledgeIsPublishedAgainOnTheNextPass() {
        MockProducer<String, JiraEntityEvent> producer = producer(true);
        MetadataPublisher publisher = new MetadataPublisher(new EventPublisher(producer));
        producer.flushException = new KafkaException("broker gone");
        assertThatThrownBy(() -> publisher.publishChanged("users", List.of(user("a", "Ann")), false))
                .isInstanceOf(KafkaException.class);

        producer.flushException = null;
        assertThat(publisher.publishChanged("users", List.of(user("a", "Ann")), false)).isEqualTo(1);
    }

    @Test
    void whatTheTopicHoldsAfterARestartIsNotPublishedAgainAndADeletedKeyIsNotDeletedTwice() {
        MockConsumer<String, JiraEntityEvent> reader = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        TopicPartition partition = new TopicPartition("groups", 0);
        reader.updatePartitions("groups", List.of(new PartitionInfo("groups", 0, null, null, null)));
        reader.updateBeginningOffsets(Map.of(partition, 0L));
        reader.updateEndOffsets(Map.of(partition, 4L));
        reader.schedulePollTask(() -> {
            reader.addRecord(new ConsumerRecord<>("groups", 0, 0, "group:a", group("a", "old name")));
            reader.addRecord(new ConsumerRecord<>("groups", 0, 1, "group:a", group("a", "Ann's")));
            reader.addRecord(new ConsumerRecord<>("groups", 0, 2, "group:b", group("b", "Bo's")));
            reader.addRecord(new ConsumerRecord<>("groups", 0, 3, "group:b", events.delete(JiraEntityType.GROUP, "b", null)));
        });
        MockProducer<String, JiraEntityEvent> producer = producer(true);
        MetadataPublisher publisher = new MetadataPublisher(new EventPublisher(producer));

        assertThat(publisher.restore(reader, List.of("groups"))).isEqualTo(1);

        assertThat(publisher.publishChanged("groups", List.of(group("a", "Ann's")), false)).isZero();
        assertThat(publisher.publishVanished("groups", JiraEntityType.GROUP, Set.of("a"),
                id -> events.delete(JiraEntityType.GROUP, id, null))).isZero();
        assertThat(publisher.publishChanged("groups", List.of(group("a", "Ann's team")), false)).isEqualTo(1);
        assertThat(publisher.publishVanished("groups", JiraEntityType.GROUP, Set.of(),
                id -> events.delete(JiraEntityType.GROUP, id, null))).isEqualTo(1);
        assertThat(producer.history()).extracting(record -> record.key() + " " + record.value().getChange())
                .containsExactly("group:a UPSERT", "group:a DELETE");
    }

    private JiraEntityEvent group(String id, String name) {
        return events.upsert(JiraEntityType.GROUP, id, name, null, null, JSON.createObjectNode().put("groupId", id).put("name", name));
    }

    private JiraEntityEvent user(String id, String name) {
        return events.upsert(JiraEntityType.USER, id, null, null, null, JSON.createObjectNode().put("accountId", id).put("displayName", name));
    }

    private static MockProducer<String, JiraEntityEvent> producer(boolean autoComplete) {
        Serializer<JiraEntityEvent> unused = (topic, event) -> new byte[0];
        return new MockProducer<>(autoComplete, null, new StringSerializer(), unused);
    }
}
