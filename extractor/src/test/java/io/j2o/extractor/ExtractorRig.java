package io.j2o.extractor;

import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.WatermarkStore;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.CompactedTopicReader;
import io.j2o.schemas.topics.TopicProvisioner;
import io.j2o.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Wires extractors to a real broker and the in-memory registry under a fresh topic prefix, and reads back what they published. */
final class ExtractorRig implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.inMemory().start();
    private final PipelineSerdes serdes = PipelineSerdes.using(RestSchemaRegistryClient.forUrl(registry.baseUrl()));
    private final Topics topics = new Topics("ext-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    private final List<AutoCloseable> clients = new ArrayList<>();
    private JiraExtractor.Restored restored;

    ExtractorRig(EmbeddedKafka kafka) {
        this.kafka = kafka;
        try (Admin admin = Admin.create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(topics.all(3));
            awaitLeadersServing(admin);
        }
    }

    /**
     * The broker takes up a new partition's leadership a moment after the metadata names it; a produce in between is
     * refused (NOT_LEADER_OR_FOLLOWER) and, seen in these tests, can leave an idempotent producer retrying out of
     * sequence until it times out. Listing offsets is answered by the leader itself, so once it succeeds for every
     * partition the extractor's first sends land.
     */
    private void awaitLeadersServing(Admin admin) {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        topics.all(3).forEach(spec -> {
            for (int partition = 0; partition < spec.partitions(); partition++) {
                partitions.put(new TopicPartition(spec.name(), partition), OffsetSpec.latest());
            }
        });
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> admin.listOffsets(partitions).all().get().size() == partitions.size());
    }

    /** An extractor of every visible project of the Jira at {@code jiraUrl}, resuming from the stored watermarks. */
    JiraExtractor extractor(String jiraUrl, String email, String apiToken, String site, int maxAttempts) {
        return extractor(config(jiraUrl, email, apiToken, site, maxAttempts));
    }

    /** A Cloud configuration of 50-issue pages against this rig's broker and topics, to adjust with its withers. */
    ExtractorConfig config(String jiraUrl, String email, String apiToken, String site, int maxAttempts) {
        return new ExtractorConfig(jiraUrl, email, apiToken, site, List.of(), kafka.bootstrapServers(),
                topics, Duration.ofMinutes(1), 50, maxAttempts, Map.of());
    }

    /** A simulated Jira of {@code flavour} serving {@code dataset}, started; the caller closes it. */
    static JiraSimulator simulator(JiraDataset dataset, JiraFlavour flavour) {
        return new JiraSimulator(dataset, flavour == JiraFlavour.CLOUD ? JiraSimulator.Options.defaults()
                : JiraSimulator.Options.dataCenter()).start();
    }

    /** A simulated Jira of {@code flavour} serving {@code dataset}, started, closed with this rig. */
    JiraSimulator jira(JiraDataset dataset, JiraFlavour flavour) {
        return own(simulator(dataset, flavour));
    }

    /** {@code jira}, closed with this rig. */
    JiraSimulator own(JiraSimulator jira) {
        return remember(jira);
    }

    /** The configuration that reads {@code jira} as {@code flavour} with its credentials, one attempt per request. */
    ExtractorConfig config(JiraSimulator jira, JiraFlavour flavour) {
        JiraSimulator.Options options = jira.options();
        return config(jira.baseUrl(), options.email(), options.apiToken(), "site", 1).withFlavour(flavour);
    }

    /** An extractor configured by {@code config}, resuming from the state stored in this rig's topics. */
    JiraExtractor extractor(ExtractorConfig config) {
        return extractor(config, JiraApi.of(config.flavour(), config.jiraClient(), config.pageSize(), config.searchWindow(),
                config.concurrency()));
    }

    /** An extractor configured by {@code config} that reads Jira through {@code jira}, resuming from this rig's state. */
    JiraExtractor extractor(ExtractorConfig config, JiraApi jira) {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        KafkaProducer<String, JiraEntityEvent> events = remember(new KafkaProducer<>(props, new StringSerializer(), serdes.events().serializer()));
        KafkaProducer<String, String> state = remember(new KafkaProducer<>(props, new StringSerializer(), new StringSerializer()));
        WatermarkStore watermarks = new WatermarkStore(topics.extractorState(), state);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
            watermarks.load(reader);
        }
        JiraExtractor extractor = new JiraExtractor(config, jira, new EventPublisher(events), watermarks, Clock.systemUTC());
        try (KafkaConsumer<String, JiraEntityEvent> reader = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), serdes.events().deserializer())) {
            restored = extractor.loadPublished(reader);
        }
        return extractor;
    }

    /** What the last extractor made by {@link #extractor} read back at its start. */
    JiraExtractor.Restored restored() {
        return restored;
    }

    /** Removes every issue digest of {@code site} from the state topic, as a state written by an older j2o lacks them. */
    void dropIssueDigests(String site, List<String> issueIds) {
        try (KafkaProducer<String, String> state = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            issueIds.forEach(id -> state.send(new ProducerRecord<>(topics.extractorState(),
                    WatermarkStore.key(site, "issue-digest", id), null)));
        }
    }

    Topics topics() {
        return topics;
    }

    /** Every event on the issues topic, in the order they were extracted. */
    List<JiraEntityEvent> issueEvents() {
        return events(topics.jiraIssues());
    }

    /** Every event on {@code topic}, in the order they were extracted. */
    List<JiraEntityEvent> events(String topic) {
        List<JiraEntityEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, JiraEntityEvent> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringDeserializer(), serdes.events().deserializer())) {
            CompactedTopicReader.readToEnd(consumer, topic, (key, event) -> events.add(event));
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
