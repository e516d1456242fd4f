package io.j2o.cli.pipeline;

import io.j2o.extractor.JiraExtractor;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.WatermarkStore;
import io.j2o.loader.consume.CommandLoader;
import io.j2o.loader.consume.LoaderListener;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.upsert.Upserters;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.TopicProvisioner;
import io.j2o.transformer.TransformerApp;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.rules.OpenProjectCatalog;
import io.j2o.transformer.rules.WorkPackageCustomField;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extractor, transformer and loader instances of one deployment wired together in this JVM. Each talks to the
 * others only through Kafka, exactly as when they run as separate services.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final PipelineSettings settings;
    private final RestSchemaRegistryClient registry;
    private final KafkaProducer<String, JiraEntityEvent> eventProducer;
    private final KafkaProducer<String, String> stateProducer;
    private final JiraExtractor extractor;
    private final TransformerApp transformer;
    private final List<CommandLoader> loaders = new ArrayList<>();
    private final List<Thread> loaderThreads = new ArrayList<>();
    private final LoaderProgress loaderProgress = new LoaderProgress();
    private final TransformerBacklog transformerBacklog;

    private Pipeline(PipelineSettings settings, LoaderListener extraListener, List<WorkPackageCustomField> knownCustomFields) {
        this.settings = settings;
        provisionTopics();
        this.registry = new RestSchemaRegistryClient(settings.schemaRegistry());
        PipelineSerdes serdes = PipelineSerdes.using(registry);

        OpenProjectClient openProject = settings.loader().openProjectClient();
        OpenProjectCatalog catalog = OpenProjectCatalogs.read(openProject, settings.mappingOverrides(), settings.mapping(),
                knownCustomFields);
        MappingRules rules = new MappingRules(catalog, settings.loader().jiraKeyField(), settings.mapping());
        this.transformer = new TransformerApp(settings.transformer(), serdes, rules);
        Map<String, Object> adminProps = new HashMap<>(settings.loader().kafkaProperties());
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.loader().bootstrapServers());
        this.transformerBacklog = new TransformerBacklog(adminProps, settings.transformer().applicationId(),
                settings.topics().jiraTopics());

        Upserters upserters = Upserters.forOpenProject(openProject, settings.loader());
        LoaderListener listener = LoaderListener.all(List.of(loaderProgress, extraListener));
        for (int i = 0; i < settings.loaderInstances(); i++) {
            loaders.add(new CommandLoader(settings.loader(), serdes, upserters, listener, Clock.systemUTC()));
        }

        Map<String, Object> producerProps = extractorKafkaProps();
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        this.eventProducer = new KafkaProducer<>(producerProps, new StringSerializer(), serdes.events().serializer());
        this.stateProducer = new KafkaProducer<>(producerProps, new StringSerializer(), new StringSerializer());
        WatermarkStore watermarks = new WatermarkStore(settings.topics().extractorState(), stateProducer);
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(extractorKafkaProps(),
                new StringDeserializer(), new StringDeserializer())) {
            watermarks.load(reader);
        }
        JiraClient jira = settings.extractor().jiraClient();
        this.extractor = new JiraExtractor(settings.extractor(), jira, new EventPublisher(eventProducer), watermarks, Clock.systemUTC());
        try (KafkaConsumer<String, JiraEntityEvent> reader = new KafkaConsumer<>(extractorKafkaProps(),
                new StringDeserializer(), serdes.events().deserializer())) {
            extractor.loadPublished(reader);
        }
    }

    /** Creates the topics, starts the transformer and the loader instances; extraction runs when asked. */
    public static Pipeline start(PipelineSettings settings, LoaderListener extraListener) {
        return start(settings, extraListener, List.of());
    }

    /** @param knownCustomFields OpenProject's work-package custom fields, when known without asking it (the demo) */
    public static Pipeline start(PipelineSettings settings, LoaderListener extraListener,
                                 List<WorkPackageCustomField> knownCustomFields) {
        Pipeline pipeline = new Pipeline(settings, extraListener, knownCustomFields);
        pipeline.transformer.start();
        for (int i = 0; i < pipeline.loaders.size(); i++) {
            Thread thread = new Thread(pipeline.loaders.get(i), "j2o-loader-" + i);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.error("loader instance stopped thread={} reason={}", t.getName(), e.toString(), e));
            thread.start();
            pipeline.loaderThreads.add(thread);
        }
        return pipeline;
    }

    public JiraExtractor extractor() {
        return extractor;
    }

    public TransformerCounters transformerCounters() {
        return transformer.counters();
    }

    /** Commands waiting for a reference: command key → the key of the entity they wait for. */
    public Map<String, String> waitingCommands() {
        return transformer.waitingCommands();
    }

    /** Offsets of the Jira topics the transformer has yet to read and commit (0 when it is caught up). */
    public long transformerBacklog() {
        return transformerBacklog.offsets();
    }

    public LoaderProgress loaderProgress() {
        return loaderProgress;
    }

    /** What has stopped that should be running, e.g. a loader instance that died; empty while all is well. */
    public List<String> stoppedParts() {
        List<String> stopped = new ArrayList<>();
        if (!transformer.isAlive()) {
            stopped.add("transformer (" + transformer.state() + ")");
        }
        loaderThreads.stream().filter(t -> !t.isAlive()).forEach(t -> stopped.add(t.getName()));
        return stopped;
    }

    private void provisionTopics() {
        Map<String, Object> adminProps = new HashMap<>(settings.loader().kafkaProperties());
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.loader().bootstrapServers());
        try (Admin admin = Admin.create(adminProps)) {
            new TopicProvisioner(admin, settings.replicationFactor()).ensure(settings.topics().all(settings.partitions()));
        }
    }

    private Map<String, Object> extractorKafkaProps() {
        Map<String, Object> props = new HashMap<>(settings.extractor().kafkaProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.extractor().bootstrapServers());
        return props;
    }

    @Override
    public void close() {
        loaders.forEach(CommandLoader::close);
        for (Thread thread : loaderThreads) {
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        transformer.close();
        transformerBacklog.close();
        eventProducer.close();
        stateProducer.close();
        registry.close();
    }
}
