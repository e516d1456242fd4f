package io.j2o.cli.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.CompactedTopicReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fix-forward as an operator does it: migrate, change one mapping entry, replay the transform stage from Kafka,
 * run again. Only the work packages the entry affects are rewritten, and they keep their OpenProject ids.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class FixForwardReplayIT {

    @TempDir
    Path dir;

    @Test
    void aChangedStatusMappingRewritesExactlyTheWorkPackagesInThatStatus(EmbeddedKafka kafka) throws Exception {
        String openProjectKey = UUID.randomUUID().toString();
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
             JiraSimulator jira = new JiraSimulator(new DatasetGenerator(23).generate(2, 40), JiraSimulator.Options.defaults()).start();
             OpenProjectSimulator openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults(openProjectKey)).start()) {
            ConfigFiles.write(dir, "secrets/jira-token", jira.options().apiToken());
            ConfigFiles.write(dir, "secrets/openproject-key", openProjectKey);
            String common = """
                    jira: {url: %s, email: %s, apiToken: "${file:secrets/jira-token}"}
                    openproject: {url: %s, apiKey: "${file:secrets/openproject-key}", jiraKeyField: customField1}
                    kafka: {bootstrapServers: "%s", topicPrefix: replay-it., partitions: 2, replicationFactor: 1}
                    schemaRegistry: {url: %s}
                    transformer: {applicationId: replay-it-transformer, stateDir: state}
                    loader: {groupId: replay-it-loader}
                    """.formatted(jira.baseUrl(), jira.options().email(), openProject.baseUrl(), kafka.bootstrapServers(),
                    registry.baseUrl());
            Path config = ConfigFiles.write(dir, "j2o.yaml", common);
            assertThat(run("run", "--config", config.toString(), "--once", "--timeout", "3m")).isZero();
            Map<String, JsonNode> before = byJiraKey(openProject);
            long inProgress = jira.issues().stream()
                    .filter(issue -> issue.path("fields").path("status").path("name").asText().equals("In Progress")).count();
            assertThat(inProgress).as("the dataset has issues in progress").isPositive();

            try (Pipeline running = Pipeline.start(ConfigLoader.withSystemEnvironment().load(config).settings(), LoaderListener.NONE)) {
                assertThat(run("replay", "--config", config.toString(), "--stage", "transform", "--from", "earliest"))
                        .as("a replay while the transformer runs is refused").isEqualTo(2);
            }

            ConfigFiles.write(dir, "j2o.yaml", common + "mapping: {status: {\"In Progress\": \"On hold\"}}\n");
            long writesBefore = openProject.writeCount();
            long commandsBefore = commands(kafka, registry).size();
            assertThat(run("replay", "--config", config.toString(), "--stage", "transform", "--entities", "issues",
                    "--from", "earliest")).isZero();
            assertThat(run("run", "--config", config.toString(), "--once", "--timeout", "3m")).isZero();

            Map<String, JsonNode> after = byJiraKey(openProject);
            assertThat(commands(kafka, registry).size() - commandsBefore).as("commands re-emitted").isEqualTo(inProgress);
            assertThat(openProject.writeCount() - writesBefore).isEqualTo(inProgress);
            assertThat(after.keySet()).isEqualTo(before.keySet());
            after.forEach((key, workPackage) -> {
                assertThat(workPackage.path("id").asInt()).as(key).isEqualTo(before.get(key).path("id").asInt());
                boolean wasInProgress = before.get(key).path("_links").path("status").path("title").asText().equals("In progress");
                assertThat(workPackage.path("_links").path("status").path("title").asText()).as(key)
                        .isEqualTo(wasInProgress ? "On hold" : before.get(key).path("_links").path("status").path("title").asText());
                assertThat(workPackage.path("lockVersion").asInt()).as(key)
                        .isEqualTo(before.get(key).path("lockVersion").asInt() + (wasInProgress ? 1 : 0));
            });

            String project = jira.issues().get(0).path("fields").path("project").path("key").asText();
            long projectIssues = jira.issues().stream()
                    .filter(issue -> issue.path("fields").path("project").path("key").asText().equals(project)).count();
            List<OpenProjectCommand> beforeForce = commands(kafka, registry);
            long writesBeforeForce = openProject.writeCount();
            assertThat(run("replay", "--config", config.toString(), "--stage", "transform", "--entities", "issues",
                    "--projects", project, "--force", "--from", "earliest")).isZero();
            assertThat(run("run", "--config", config.toString(), "--once", "--timeout", "3m")).isZero();

            Set<String> seen = beforeForce.stream().map(OpenProjectCommand::getCommandId).collect(Collectors.toSet());
            List<OpenProjectCommand> forced = commands(kafka, registry).stream()
                    .filter(command -> !seen.contains(command.getCommandId())).toList();
            assertThat(forced).as("every command of the project's issues re-emitted, no other")
                    // The versions the project's sprints become are emitted from its issues too.
                    .allMatch(command -> command.getJiraKey().startsWith(project + "-")
                            || (command.getKind() == CommandKind.VERSION && command.getJiraId().startsWith("sprint-")
                                && command.getJiraKey().startsWith(project + " ")))
                    .filteredOn(command -> command.getKind() == CommandKind.WORK_PACKAGE).hasSize((int) projectIssues);
            assertThat(openProject.writeCount()).as("OpenProject already holds all of it").isEqualTo(writesBeforeForce);
        }
    }

    /** Every command on the topic, committed ones only (the transformer writes in transactions), partition by partition. */
    private static List<OpenProjectCommand> commands(EmbeddedKafka kafka, EmbeddedSchemaRegistry registry) {
        PipelineSerdes serdes = PipelineSerdes.using(RestSchemaRegistryClient.forUrl(registry.baseUrl()));
        List<OpenProjectCommand> commands = new ArrayList<>();
        try (KafkaConsumer<String, OpenProjectCommand> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), serdes.commands().deserializer())) {
            CompactedTopicReader.readToEnd(consumer, "replay-it.op.commands", (key, command) -> commands.add(command));
        }
        return commands;
    }

    private static Map<String, JsonNode> byJiraKey(OpenProjectSimulator openProject) {
        return openProject.workPackages().stream()
                .collect(Collectors.toMap(wp -> wp.path("customField1").asText(), Function.<ObjectNode>identity()));
    }

    private static int run(String... args) {
        StringWriter out = new StringWriter();
        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(out, true), args);
        System.out.println(out);
        return exit;
    }
}
