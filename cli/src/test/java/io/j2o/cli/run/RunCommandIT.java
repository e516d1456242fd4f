package io.j2o.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.cli.Main;
import io.j2o.cli.config.ConfigFiles;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code j2o run --once} as an operator runs it: a configuration file pointing at real endpoints, here the sandbox's. */
@ExtendWith(EmbeddedKafkaExtension.class)
class RunCommandIT {

    @TempDir
    Path dir;

    @Test
    void onceMigratesTheProjectsAskedForThenEveryIssueFromTheConfiguredJiraAndExitsZeroWhenIdle(EmbeddedKafka kafka) {
        String openProjectKey = UUID.randomUUID().toString();
        try (EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start();
             JiraSimulator jira = new JiraSimulator(new DatasetGenerator(11).generate(2, 50), JiraSimulator.Options.defaults()).start();
             OpenProjectSimulator openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults(openProjectKey)).start()) {
            ConfigFiles.write(dir, "secrets/jira-token", jira.options().apiToken() + "\n");
            ConfigFiles.write(dir, "secrets/openproject-key", openProjectKey + "\n");
            Path config = ConfigFiles.write(dir, "j2o.yaml", """
                    jira:
                      url: %s
                      email: %s
                      apiToken: ${file:secrets/jira-token}
                    openproject:
                      url: %s
                      apiKey: ${file:secrets/openproject-key}
                      jiraKeyField: customField1
                    kafka:
                      bootstrapServers: %s
                      topicPrefix: run-it.
                      partitions: 3
                      replicationFactor: 1
                      properties:
                        client.id: j2o-run-it
                    schemaRegistry:
                      url: %s
                    transformer:
                      applicationId: run-it-transformer
                      stateDir: state
                    loader:
                      groupId: run-it-loader
                      concurrency: 4
                    """.formatted(jira.baseUrl(), jira.options().email(), openProject.baseUrl(), kafka.bootstrapServers(),
                    registry.baseUrl()));
            String firstProject = jira.issues().get(0).at("/fields/project/key").asText();
            long ofFirstProject = jira.issues().stream()
                    .filter(issue -> issue.at("/fields/project/key").asText().equals(firstProject)).count();
            StringWriter narrowed = new StringWriter();
            StringWriter err = new StringWriter();

            int narrowedExit = Main.run(new PrintWriter(narrowed, true), new PrintWriter(err, true),
                    "run", "--config", config.toString(), "--once", "--timeout", "3m", "--projects", firstProject);

            assertThat(narrowedExit).as(narrowed + "\n" + err).isZero();
            assertThat(narrowed.toString()).contains("extracted 1 projects and " + ofFirstProject + " issues");
            assertThat(openProject.projects()).hasSize(1);
            assertThat(openProject.workPackages()).hasSize((int) ofFirstProject);

            StringWriter out = new StringWriter();
            int exitCode = Main.run(new PrintWriter(out, true), new PrintWriter(err, true),
                    "run", "--config", config.toString(), "--once", "--timeout", "3m");

            String output = out + "\n" + err;
            assertThat(exitCode).as(output).isZero();
            assertThat(openProject.workPackages()).as(output).hasSize(50);
            assertThat(openProject.projects()).hasSize(2);
            assertThat(output).as("the other project's issues only").contains("extracted 2 projects and "
                    + (50 - ofFirstProject) + " issues", "idle: everything extracted is transformed and loaded")
                    .doesNotContain(openProjectKey, jira.options().apiToken());

            String deleted = jira.issues().get(7).path("key").asText();
            jira.deleteIssue(deleted);
            StringWriter second = new StringWriter();
            int secondExit = Main.run(new PrintWriter(second, true), new PrintWriter(err, true),
                    "run", "--config", config.toString(), "--once", "--reconcile", "--timeout", "3m");

            assertThat(secondExit).as(second.toString()).isZero();
            assertThat(second.toString()).contains("extracted 2 projects and 0 issues, 1 deleted in Jira");
            assertThat(openProject.workPackages()).as("the work package of the issue deleted in Jira is gone").hasSize(49)
                    .noneMatch(wp -> wp.path("customField1").asText().equals(deleted));
        }
    }
}
