package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.extractor.jira.JiraClient;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.WatermarkStore;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.CompactedTopicReader;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.TopicProvisioner;
import io.j2o.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The extractor against the Jira simulator and a real broker: full first pass, then only what changed. */
@ExtendWith(EmbeddedKafkaExtension.class)
class JiraExtractorIT {

    private static final int ISSUES = 240;

    private final Topics topics = new Topics("ext-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    private JiraSimulator jira;
    private EmbeddedSchemaRegistry registry;
    private PipelineSerdes serdes;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void start(EmbeddedKafka kafka) {
        jira = new JiraSimulator(new DatasetGenerator(11).generate(3, ISSUES), JiraSimulator.Options.defaults()
                .withTimeZone(ZoneId.of("Australia/Sydney"))).start();
        registry = EmbeddedSchemaRegistry.inMemory().start();
        serdes = PipelineSerdes.using(RestSchemaRegistryClient.forUrl(registry.baseUrl()));
        try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(topics.all(3));
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        jira.close();
        registry.close();
    }

    @Test
    void firstPassPublishesEverythingThenOnlyChangesEvenAcrossARestart(EmbeddedKafka kafka) {
        JiraExtractor first = extractor(kafka);
        ExtractionStats initial = first.runOnce(false);
        assertThat(initial).isEqualTo(new ExtractionStats(3, ISSUES));
        assertThat(issueEvents(kafka)).hasSize(ISSUES);

        assertThat(first.runOnce(false).issues()).as("nothing changed in Jira").isZero();

        jira.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(2)), ZoneOffset.UTC));
        String edited = jira.issues().get(17).path("key").asText();
        jira.updateIssue(edited, fields -> fields.put("summary", "Edited after the first pass"));

        JiraExtractor restarted = extractor(kafka);
        assertThat(restarted.runOnce(false).issues()).as("a new extractor resumes from the stored watermarks").isEqualTo(1);
        List<JiraEntityEvent> events = issueEvents(kafka);
        JiraEntityEvent last = events.get(events.size() - 1);
        assertThat(events).hasSize(ISSUES + 1);
        assertThat(last.getJiraKey()).isEqualTo(edited);
        assertThat(last.getPayload()).contains("Edited after the first pass");
        assertThat(last.getJiraUpdatedAt()).isEqualTo(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void fullResyncPublishesEveryIssueAgain(EmbeddedKafka kafka) {
        JiraExtractor extractor = extractor(kafka);
        extractor.runOnce(false);
        assertThat(extractor.runOnce(true).issues()).isEqualTo(ISSUES);
        assertThat(issueEvents(kafka)).hasSize(2 * ISSUES);
    }

    private JiraExtractor extractor(EmbeddedKafka kafka) {
        ExtractorConfig config = new ExtractorConfig(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), "site",
                List.of(), kafka.bootstrapServers(), topics, Duration.ofMinutes(1), 50, 3, Map.of());
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        KafkaProducer<String, JiraEntityEvent> events = remember(new KafkaProducer<>(props, new StringSerializer(), serdes.events().serializer()));
        KafkaProducer<String, String> state = remember(new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()));
        WatermarkStore watermarks = new WatermarkStore(topics.extractorState(), state);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            watermarks.load(reader);
        }
        JiraClient client = new JiraClient(jira.baseUrl(), config.email(), config.apiToken(), JiraClient.defaultHttp(), 3);
        return new JiraExtractor(config, client, new EventPublisher(events), watermarks, Clock.systemUTC());
    }

    private List<JiraEntityEvent> issueEvents(EmbeddedKafka kafka) {
        List<JiraEntityEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, JiraEntityEvent> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), serdes.events().deserializer())) {
            CompactedTopicReader.readToEnd(consumer, topics.jiraIssues(), (key, event) -> events.add(event));
        }
        events.sort(Comparator.comparing(JiraEntityEvent::getExtractedAt));
        assertThat(events).allMatch(e -> e.getEntityType() == JiraEntityType.ISSUE);
        return events;
    }

    private <T extends AutoCloseable> T remember(T client) {
        clients.add(client);
        return client;
    }
}
