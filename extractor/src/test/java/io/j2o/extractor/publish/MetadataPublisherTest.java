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
import org.apache.kafka.clients.producer.MockProducer;
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

    private JiraEntityEvent user(String id, String name) {
        return events.upsert(JiraEntityType.USER, id, null, null, null, JSON.createObjectNode().put("accountId", id).put("displayName", name));
    }

    private static MockProducer<String, JiraEntityEvent> producer(boolean autoComplete) {
        Serializer<JiraEntityEvent> unused = (topic, event) -> new byte[0];
        return new MockProducer<>(autoComplete, null, new StringSerializer(), unused);
    }
}
