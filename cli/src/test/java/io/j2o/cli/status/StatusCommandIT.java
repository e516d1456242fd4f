package io.j2o.cli.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.cli.Main;
import io.j2o.cli.config.ConfigFiles;
import io.j2o.cli.config.ConfigLoader;
import io.j2o.cli.pipeline.Pipeline;
import io.j2o.loader.consume.LoaderListener;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code j2o status} shows lag and names a command whose reference never arrived, from Kafka alone. */
@ExtendWith(EmbeddedKafkaExtension.class)
class StatusCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void namesTheWorkPackageWaitingForAProjectThatNeverArrived(EmbeddedKafka kafka) throws Exception {
        String openProjectKey = UUID.randomUUID().toString();
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
             JiraSimulator jira = new JiraSimulator(new DatasetGenerator(5).generate(1, 10), JiraSimulator.Options.defaults()).start();
             OpenProjectSimulator openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults(openProjectKey)).start()) {
            ConfigFiles.write(dir, "secrets/jira-token", jira.options().apiToken());
            ConfigFiles.write(dir, "secrets/openproject-key", openProjectKey);
            Path config = ConfigFiles.write(dir, "j2o.yaml", """
                    jira: {url: %s, email: %s, apiToken: "${file:secrets/jira-token}"}
                    openproject: {url: %s, apiKey: "${file:secrets/openproject-key}", jiraKeyField: customField1}
                    kafka: {bootstrapServers: "%s", topicPrefix: status-it., partitions: 2, replicationFactor: 1}
                    schemaRegistry: {url: %s}
                    transformer: {applicationId: status-it-transformer, stateDir: state}
                    loader: {groupId: status-it-loader}
                    """.formatted(jira.baseUrl(), jira.options().email(), openProject.baseUrl(), kafka.bootstrapServers(),
                    registry.baseUrl()));
            ConfigLoader.Loaded loaded = ConfigLoader.withSystemEnvironment().load(config);
            try (Pipeline pipeline = Pipeline.start(loaded.settings(), LoaderListener.NONE)) {
                pipeline.extractor().runOnce(false);
                publishIssueOfUnknownProject(kafka, registry, loaded.settings().topics().jiraIssues());
                await().atMost(Duration.ofSeconds(60)).until(() -> openProject.workPackages().size() == 10
                        && pipeline.waitingCommands().containsKey("work_package:777"));
                await().atMost(Duration.ofSeconds(30)).until(() -> status(config, "--json").path("groups").get(1).path("lagByTopic")
                        .path("status-it.op.commands").asLong(99) <= 2);

                JsonNode status = status(config, "--json");
                assertThat(status.path("waiting").path("work_package:777").asText()).isEqualTo("project:99999");
                assertThat(status.path("deadLetters").asLong()).isZero();
                assertThat(status.path("textLinksPending").isIntegralNumber()).as("soft text references, apart from waiting").isTrue();
                assertThat(status.path("groups").get(0).path("role").asText()).isEqualTo("transformer");
                assertThat(status.path("groups").get(0).path("members").asInt()).isEqualTo(1);
                StringWriter out = new StringWriter();
                assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                        "status", "--config", config.toString())).isZero();
                assertThat(out.toString()).contains("waiting for a reference: 1", "work_package:777 waits for project:99999",
                        "loader      group status-it-loader", "text links pending: ");
            }
        }
    }

    private static JsonNode status(Path config, String... extra) throws Exception {
        StringWriter out = new StringWriter();
        String[] args = new String[2 + 1 + extra.length];
        args[0] = "status";
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(extra, 0, args, 3, extra.length);
        assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), args)).isZero();
        return JSON.readTree(out.toString());
    }

    private static void publishIssueOfUnknownProject(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry, String topic) {
        PipelineSerdes serdes = PipelineSerdes.using(RestSchemaRegistryClient.forUrl(registry.baseUrl()));
        String payload = """
                {"id":"777","key":"GHOST-1","fields":{"summary":"Its project was never migrated",
                 "issuetype":{"name":"Task"},"status":{"name":"To Do"},"priority":{"name":"Medium"},
                 "project":{"id":"99999","key":"GHOST"},"updated":"2025-03-04T10:11:12.123+0000"}}
                """;
        JiraEntityEvent event = JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId("777").setJiraKey("GHOST-1").setProjectKey("GHOST")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.now())
                .setSource(new JiraSource("status-it", JiraFlavour.CLOUD, "3")).setPayload(payload).build();
        try (KafkaProducer<String, JiraEntityEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), new StringSerializer(),
                serdes.events().serializer())) {
            producer.send(new ProducerRecord<>(topic, "issue:777", event));
        }
    }
}
