package io.j2o.cli.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.j2o.cli.Main;
import io.j2o.cli.config.ConfigFiles;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code j2o validate --pre} against a Jira site whose metadata OpenProject does not all have. */
@ExtendWith(EmbeddedKafkaExtension.class)
class ValidateCommandIT {

    @TempDir
    Path dir;

    @Test
    void listsUnmappedMetadataWithTheEntryToAddAndFailsOnAnOverrideThatNamesNothing(EmbeddedKafka kafka) {
        JiraDataset dataset = new DatasetGenerator(3).generate(1, 5);
        dataset.issueTypes().stream().filter(type -> type.path("name").asText().equals("Story"))
                .forEach(type -> type.put("name", "Technical story"));
        dataset.priorities().stream().filter(priority -> priority.path("name").asText().equals("Lowest"))
                .forEach(priority -> priority.put("name", "P4"));
        String openProjectKey = UUID.randomUUID().toString();
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
             JiraSimulator jira = new JiraSimulator(dataset, JiraSimulator.Options.defaults()).start();
             OpenProjectSimulator openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults(openProjectKey)).start()) {
            ConfigFiles.write(dir, "secrets/jira-token", jira.options().apiToken());
            ConfigFiles.write(dir, "secrets/openproject-key", openProjectKey);
            String config = """
                    jira: {url: %s, email: %s, apiToken: "${file:secrets/jira-token}"}
                    openproject: {url: %s, apiKey: "${file:secrets/openproject-key}", jiraKeyField: customField1}
                    kafka: {bootstrapServers: "%s", partitions: 1, replicationFactor: 1}
                    schemaRegistry: {url: %s}
                    """.formatted(jira.baseUrl(), jira.options().email(), openProject.baseUrl(), kafka.bootstrapServers(),
                    registry.baseUrl());
            Path clean = ConfigFiles.write(dir, "clean.yaml", config);
            Path broken = ConfigFiles.write(dir, "broken.yaml", config
                    + "mapping: {status: {Done: Finished}, customFields: {customfield_99999: customField2}}\n");

            StringWriter out = new StringWriter();
            int exit = Main.run(new PrintWriter(out, true), new PrintWriter(out, true), "validate", "--pre", "--config", clean.toString());

            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString())
                    .contains("OK   kafka", "OK   schemaRegistry", "OK   jira ", "OK   openproject")
                    .contains("OK   mapping.type       'Bug' -> 'Bug' (same name)")
                    .contains("WARN mapping.type       'Technical story' -> 'Task' only because nothing matches it: "
                            + "add mapping.type.\"Technical story\": \"User story\" (closest name)")
                    .contains("WARN mapping.priority   'P4' -> 'Normal' only because nothing matches it: "
                            + "add mapping.priority.\"P4\": \"<an OpenProject name>\"")
                    .contains("'In Review' -> 'In testing' (equivalent)")
                    .contains("WARN mapping.labels     Jira labels are not migrated: name an OpenProject custom field in mapping.labels")
                    .doesNotContain(openProjectKey, jira.options().apiToken());

            StringWriter second = new StringWriter();
            int brokenExit = Main.run(new PrintWriter(second, true), new PrintWriter(second, true),
                    "validate", "--pre", "--config", broken.toString());

            assertThat(brokenExit).as(second.toString()).isEqualTo(1);
            assertThat(second.toString()).contains("FAIL mapping            override names no OpenProject entry: status: done -> Finished")
                    .contains("FAIL mapping.customFields Jira has no field customfield_99999 (mapped to customField2)");
        }
    }

    @Test
    void theSandboxSeededWithRealJiraPayloadsShowsTheirUnmappedMetadata() {
        Path corpus = Path.of(System.getProperty("j2o.shared.dir", "../shared"), "acceptance", "jira-real");
        assumeTrue(Files.isDirectory(corpus), "the real Jira payloads are not at " + corpus.toAbsolutePath());
        StringWriter out = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(out, true),
                "validate", "--pre", "--sandbox", "--jira-seed-dir", corpus.toString());

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString())
                .contains("WARN mapping.type       'Test Execution' -> 'Task' only because nothing matches it")
                .contains("WARN mapping.status     'Blocked / On Hold' -> 'In progress' by its Jira status category only: "
                        + "to be sure, add mapping.status.\"Blocked / On Hold\": \"On hold\" (closest name)")
                .contains("OK   mapping.priority   'Blocker' -> 'Immediate' (equivalent)")
                .containsPattern("\\d+ ok, \\d+ warning\\(s\\), 0 failure\\(s\\)");
    }
}
