package io.j2o.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.LoaderConfig;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.loader.upsert.Upserters;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.Lineage;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.registry.SchemaRegistryConfig;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.Topics;
import io.j2o.schemas.topics.TopicProvisioner;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A loader killed between an OpenProject write and its offset commit leaves no duplicate behind its successor. */
@ExtendWith(EmbeddedKafkaExtension.class)
class CommandLoaderCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WORK_PACKAGES = 60;
    private static final int CRASH_AFTER = 25;

    private final Topics topics = new Topics("crash.");
    private OpenProjectSimulator openProject;
    private EmbeddedSchemaRegistry registry;
    private PipelineSerdes serdes;
    private OpenProjectClient client;

    @BeforeEach
    void start(EmbeddedKafka kafka) {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("crash-test-key")).start();
        registry = EmbeddedSchemaRegistry.inMemory().start();
        serdes = PipelineSerdes.using(new RestSchemaRegistryClient(SchemaRegistryConfig.of(registry.baseUrl())));
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            new TopicProvisioner(admin, (short) 1).ensure(topics.all(3));
        }
    }

    @AfterEach
    void stop() {
        openProject.close();
        registry.close();
    }

    @Test
    void restartAfterCrashBetweenWriteAndCommitCreatesNoDuplicate(EmbeddedKafka kafka) throws Exception {
        String projectHref = client.post("/api/v3/projects",
                JSON.createObjectNode().put("identifier", "alpha").put("name", "Alpha"))
                .path("_links").path("self").path("href").asText();
        long writesBefore = openProject.writeCount();
        produceWorkPackageCommands(kafka, projectHref);

        AtomicInteger applied = new AtomicInteger();
        LoaderListener crashAfterWrite = new LoaderListener() {
            @Override
            public void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
                if (applied.incrementAndGet() == CRASH_AFTER) {
                    throw new IllegalStateException("simulated crash after an OpenProject write, before the commit");
                }
            }
        };
        Thread first = new Thread(loader(kafka, crashAfterWrite), "loader-that-crashes");
        first.start();
        first.join(60_000);
        assertThat(first.isAlive()).isFalse();
        assertThat(openProject.workPackages().size()).as("the crashed loader wrote before dying").isGreaterThanOrEqualTo(CRASH_AFTER);

        LoaderProgress progress = new LoaderProgress();
        CommandLoader second = loader(kafka, progress);
        Thread successor = new Thread(second, "loader-successor");
        successor.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> progress.committed() >= WORK_PACKAGES);
        } finally {
            second.close();
            successor.join(30_000);
        }

        Map<String, Long> perKey = openProject.workPackages().stream()
                .collect(Collectors.groupingBy(wp -> wp.path("customField1").asText(), Collectors.counting()));
        assertThat(perKey).hasSize(WORK_PACKAGES);
        assertThat(perKey.values()).allMatch(count -> count == 1L);
        assertThat(openProject.writeCount() - writesBefore)
                .as("replayed commands whose effect was already in OpenProject write nothing").isEqualTo(WORK_PACKAGES);
    }

    private void produceWorkPackageCommands(EmbeddedKafka kafka, String projectHref) {
        try (KafkaProducer<String, OpenProjectCommand> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(), serdes.commands().serializer())) {
            for (int i = 1; i <= WORK_PACKAGES; i++) {
                ObjectNode body = JSON.createObjectNode().put("subject", "Issue " + i).put("customField1", "ALPHA-" + i);
                body.putObject("_links").putObject("project").put("href", projectHref);
                OpenProjectCommand command = OpenProjectCommand.newBuilder()
                        .setCommandId("cmd-" + i).setKind(CommandKind.WORK_PACKAGE).setAction(CommandAction.UPSERT)
                        .setJiraId("" + (20000 + i)).setJiraKey("ALPHA-" + i).setChecksum("sum-" + i).setTransformVersion(1)
                        .setBody(body.toString()).setLineage(new Lineage("test", 0, (long) i))
                        .build();
                producer.send(new ProducerRecord<>(topics.commands(), "work_package:" + (20000 + i), command));
            }
        }
    }

    private CommandLoader loader(EmbeddedKafka kafka, LoaderListener listener) {
        LoaderConfig config = new LoaderConfig(kafka.bootstrapServers(), "crash-loader", topics, openProject.baseUrl(),
                openProject.apiKey(), "customField1", 8, 3, Map.of());
        return new CommandLoader(config, serdes, Upserters.forOpenProject(client, "customField1"), listener, Clock.systemUTC());
    }

    /** Counts committed commands; a copy of the CLI's progress counter kept minimal for this test. */
    private static final class LoaderProgress implements LoaderListener {
        private final AtomicInteger committed = new AtomicInteger();

        @Override
        public void batchCommitted(int commands) {
            committed.addAndGet(commands);
        }

        int committed() {
            return committed.get();
        }
    }
}
