package io.j2o.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.j2o.cli.pipeline.Pipeline;
import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.loader.consume.LoaderListener;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.schemas.avro.PipelineStage;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.CompactedTopicReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input on a real broker: reported with its key and reason, parked, and the pipeline keeps migrating. */
class PipelineBadInputIT {

    @TempDir
    Path stateDir;

    @Test
    void issuePayloadThatIsNotJsonIsDeadLetteredWithItsKeyWhileLaterIssuesStillArrive() {
        try (EmbeddedSandbox sandbox = new EmbeddedSandbox(new DatasetGenerator(3).generate(1, 20))) {
            PipelineSettings settings = sandbox.pipelineSettings(3, 1, 4, stateDir);
            try (Pipeline pipeline = Pipeline.start(settings, LoaderListener.NONE, sandbox.customFields())) {
                pipeline.extractor().runOnce(false);
                await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.openProject().workPackages().size() == 20);

                PipelineSerdes serdes = PipelineSerdes.using(RestSchemaRegistryClient.forUrl(sandbox.registryUrl()));
                publishBrokenIssue(sandbox, settings, serdes);
                String newKey = sandbox.jira().createIssue(sandbox.jira().issues().get(0).path("fields").path("project")
                        .path("key").asText(), "Created after the broken one").path("key").asText();
                pipeline.extractor().runOnce(false);

                await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.openProject().workPackages().stream()
                        .anyMatch(wp -> newKey.equals(wp.path("customField1").asText())));
                // The loader parks the generated attachments over OpenProject's size limit too; this is about the transformer.
                List<DeadLetter> parked = deadLetters(sandbox, settings, serdes).stream()
                        .filter(letter -> letter.getStage() == PipelineStage.TRANSFORM).toList();
                assertThat(parked).hasSize(1);
                DeadLetter deadLetter = parked.get(0);
                assertThat(deadLetter.getKey()).isEqualTo("issue:99999");
                assertThat(deadLetter.getStage()).isEqualTo(PipelineStage.TRANSFORM);
                assertThat(deadLetter.getCategory()).isEqualTo("MALFORMED_PAYLOAD");
                assertThat(deadLetter.getMessage()).startsWith("BROKEN-1: payload is not valid JSON");
                assertThat(deadLetter.getPayload()).isEqualTo("{\"id\":\"99999\",\"key\":\"BROKEN-1\",");
                assertThat(sandbox.openProject().workPackages()).hasSize(21);
            }
        }
    }

    private static void publishBrokenIssue(EmbeddedSandbox sandbox, PipelineSettings settings, PipelineSerdes serdes) {
        JiraEntityEvent broken = JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId("99999").setJiraKey("BROKEN-1").setProjectKey("BROKEN")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.now())
                .setSource(new JiraSource("demo", JiraFlavour.CLOUD, "3"))
                .setPayload("{\"id\":\"99999\",\"key\":\"BROKEN-1\",")
                .build();
        try (KafkaProducer<String, JiraEntityEvent> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, sandbox.kafka().bootstrapServers()),
                new StringSerializer(), serdes.events().serializer())) {
            producer.send(new ProducerRecord<>(settings.topics().jiraIssues(), "issue:99999", broken));
        }
    }

    private static List<DeadLetter> deadLetters(EmbeddedSandbox sandbox, PipelineSettings settings, PipelineSerdes serdes) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, sandbox.kafka().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), serdes.deadLetters().deserializer())) {
            CompactedTopicReader.readToEnd(consumer, settings.topics().deadLetters(), (key, value) -> found.add(value));
        }
        return found;
    }
}
