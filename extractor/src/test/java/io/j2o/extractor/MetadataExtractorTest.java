package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.extractor.jira.GroupListing;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.jira.JiraException;
import io.j2o.extractor.publish.EntityEvents;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.publish.MetadataPublisher;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.schemas.topics.Topics;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockProducer<String, JiraEntityEvent> producer =
            new MockProducer<>(true, null, new StringSerializer(), (Serializer<JiraEntityEvent>) (topic, event) -> new byte[0]);
    private Supplier<GroupListing> groups;
    private final MetadataExtractor extractor = new MetadataExtractor(jira(), new EntityEvents(
            new JiraSource("site", JiraFlavour.CLOUD, "3"), Clock.systemUTC()),
            new MetadataPublisher(new EventPublisher(producer)), new Topics("t."));

    @Test
    void aGroupIsPublishedAsDeletedOnlyWhenACompleteListingNoLongerNamesIt() {
        groups = () -> new GroupListing(List.of(group("g1", "developers"), group("g2", "testers")), true);
        assertThat(extractor.groups(false)).isEqualTo(2);

        groups = () -> new GroupListing(List.of(group("g1", "developers")), false);
        assertThat(extractor.groups(false)).as("a partial listing deletes nothing").isZero();

        groups = () -> {
            throw new JiraException.UnexpectedResponse(500, "listing failed");
        };
        assertThatThrownBy(() -> extractor.groups(false)).isInstanceOf(JiraException.class);

        groups = () -> new GroupListing(List.of(group("g1", "developers")), true);
        assertThat(extractor.groups(false)).isEqualTo(1);
        ProducerRecord<String, JiraEntityEvent> deletion = producer.history().get(producer.history().size() - 1);
        assertThat(deletion.topic()).isEqualTo("t.jira.groups");
        assertThat(deletion.key()).isEqualTo("group:g2");
        assertThat(deletion.value().getChange()).isEqualTo(ChangeType.DELETE);
        assertThat(deletion.value().getPayload()).isNull();

        assertThat(extractor.groups(false)).as("deleted once").isZero();
        assertThat(producer.history()).hasSize(3);
    }

    private JiraApi jira() {
        return (JiraApi) Proxy.newProxyInstance(JiraApi.class.getClassLoader(), new Class<?>[] {JiraApi.class}, (proxy, method, args) -> {
            if (method.getName().equals("groups")) {
                return groups.get();
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    private static ObjectNode group(String id, String name) {
        ObjectNode group = JSON.createObjectNode().put("groupId", id).put("name", name);
        group.putArray("users");
        return group;
    }
}
