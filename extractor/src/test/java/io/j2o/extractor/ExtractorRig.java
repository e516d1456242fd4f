package io.j2o.extractor;

import io.j2o.extractor.jira.JiraClient;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.WatermarkStore;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.CompactedTopicReader;
import io.j2o.schemas.topics.TopicProvisioner;
import io.j2o.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Wires extractors to a real broker and the in-memory registry under a fresh topic prefix, and reads back what they published. */
final class ExtractorRig implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.inMemory().start();
    private final PipelineSerdes serdes = PipelineSerdes.using(RestSchemaRegistryClient.forUrl(registry.baseUrl()));
    private final Topics topics = new Topics("ext-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    private final List<AutoCloseable> clients = new ArrayList<>();

    ExtractorRig(EmbeddedKafka kafka) {
        this.kafka = kafka;
        try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(topics.all(3));
        }
    }

    /** An extractor of every visible project of the Jira at {@code jiraUrl}, resuming from the stored watermarks. */
    JiraExtractor extractor(String jiraUrl, String email, String apiToken, String site, int maxAttempts) {
        ExtractorConfig config = new ExtractorConfig(jiraUrl, email, apiToken, site, List.of(), kafka.bootstrapServers(),
                topics, Duration.ofMinutes(1), 50, maxAttempts, Map.of());
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        KafkaProducer<String, JiraEntityEvent> events = remember(new KafkaProducer<>(props, new StringSerializer(), serdes.events().serializer()));
        KafkaProducer<String, String> state = remember(new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()));
        WatermarkStore watermarks = new WatermarkStore(topics.extractorState(), state);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            watermarks.load(reader);
        }
        JiraClient client = new JiraClient(jiraUrl, email, apiToken, JiraClient.defaultHttp(), maxAttempts);
        return new JiraExtractor(config, client, new EventPublisher(events), watermarks, Clock.systemUTC());
    }

    /** Every event on the issues topic, in the order they were extracted. */
    List<JiraEntityEvent> issueEvents() {
        List<JiraEntityEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, JiraEntityEvent> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), serdes.events().deserializer())) {
            CompactedTopicReader.readToEnd(consumer, topics.jiraIssues(), (key, event) -> events.add(event));
        }
        events.sort(Comparator.comparing(JiraEntityEvent::getExtractedAt));
        return events;
    }

    private <T extends AutoCloseable> T remember(T client) {
        clients.add(client);
        return client;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        registry.close();
    }
}
