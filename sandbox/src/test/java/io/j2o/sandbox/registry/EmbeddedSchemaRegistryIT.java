package io.j2o.sandbox.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded registry on a real broker: its state is the {@code _schemas} topic and nothing else. */
class EmbeddedSchemaRegistryIT {

    private static final Schema V1 = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
            .requiredString("name").endRecord();
    private static final Schema V2 = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
    private static final Schema BREAKING = SchemaBuilder.record("Item").namespace("io.j2o.test").fields()
            .requiredString("name").requiredInt("size").endRecord();

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void newRegistryOnTheSameBrokerAnswersTheSameIdsVersionsAndLevels() {
        String subject = "restart-value";
        int id1;
        int id2;
        try (EmbeddedSchemaRegistry first = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
                RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(first.baseUrl())) {
            id1 = client.register(subject, V1);
            id2 = client.register(subject, V2);
            client.setCompatibility(subject, "FULL");
        }

        try (EmbeddedSchemaRegistry second = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
                RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(second.baseUrl())) {
            assertThat(client.lookup(subject, V1)).isEqualTo(id1);
            assertThat(client.lookup(subject, V2)).isEqualTo(id2);
            assertThat(client.schemaById(id2)).isEqualTo(V2);
            assertThat(client.register(subject, V2)).as("re-registration is idempotent").isEqualTo(id2);
            assertThat(client.compatibility(subject)).isEqualTo("FULL");
            assertThat(new RegistryHttp(second.baseUrl()).get("/subjects/" + subject + "/versions").body())
                    .hasToString("[1,2]");
            assertThat(client.register("restart-other-value", BREAKING))
                    .as("ids keep counting from the replayed maximum").isGreaterThan(id2);
        }
    }

    @Test
    void incompatibleSchemaIsRefusedWith409AndNothingIsStored() throws Exception {
        String subject = "refuse-value";
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
                RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.baseUrl())) {
            client.register(subject, V1);

            assertThatThrownBy(() -> client.register(subject, BREAKING))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(409);
                        assertThat(e.errorCode()).isEqualTo(409);
                    });
        }
        List<String> keys = new ArrayList<>();
        for (ConsumerRecord<String, String> record : readSchemasTopic()) {
            if (record.key().contains("\"" + subject + "\"")) {
                keys.add(record.key());
            }
        }
        assertThat(keys).containsExactly("{\"keytype\":\"SCHEMA\",\"subject\":\"refuse-value\",\"version\":1,\"magic\":1}");
    }

    @Test
    void schemasTopicIsCompactedWithOnePartition() throws Exception {
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(Set.of(KafkaSchemaStore.TOPIC))
                    .allTopicNames().get().get(KafkaSchemaStore.TOPIC);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, KafkaSchemaStore.TOPIC);
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);

            assertThat(description.partitions()).hasSize(1);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void configChangesAreStoredAsConfluentConfigRecords() throws Exception {
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
                RestSchemaRegistryClient client = RestSchemaRegistryClient.forUrl(registry.baseUrl())) {
            client.setCompatibility("config-value", "NONE");
        }
        ObjectMapper json = new ObjectMapper();
        ConsumerRecord<String, String> last = null;
        for (ConsumerRecord<String, String> record : readSchemasTopic()) {
            if (record.key().contains("\"config-value\"")) {
                last = record;
            }
        }

        assertThat(last).isNotNull();
        assertThat(json.readTree(last.key()))
                .isEqualTo(json.readTree("{\"keytype\":\"CONFIG\",\"subject\":\"config-value\",\"magic\":0}"));
        assertThat(json.readTree(last.value())).isEqualTo(json.readTree("{\"compatibilityLevel\":\"NONE\"}"));
    }

    private static List<ConsumerRecord<String, String>> readSchemasTopic() {
        TopicPartition partition = new TopicPartition(KafkaSchemaStore.TOPIC, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
