package io.j2o.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code j2o config} and the configuration side of {@code j2o run}, in-process. The shipped example reads
 * JIRA_API_TOKEN, KAFKA_PASSWORD and SCHEMA_REGISTRY_PASSWORD, which the build sets for these tests.
 */
class ConfigCommandTest {

    private static final String BAD = """
            jira:
              url: https://example.atlassian.net
              email: bot@example.com
              apiToken: ${env:J2O_TEST_UNSET_VARIABLE}
            openproject:
              url: https://op.example.com
              apiKey: op-key-literal
              jiraKeyField: customField7
            kafka:
              bootstrapServers: localhost:9092
            schemaRegistry:
              url: http://localhost:8081
            loader:
              concurrency: 0
              batchSize: 10
            """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void checkAcceptsTheShippedExample() {
        Path example = ConfigFiles.example(dir, "op-secret-3456");

        assertThat(j2o("config", "--config", example.toString(), "--check")).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo(example + ": OK" + System.lineSeparator());
    }

    @Test
    void printsTheEffectiveConfigurationWithEveryCredentialMasked() {
        Path example = ConfigFiles.example(dir, "op-secret-3456");

        assertThat(j2o("config", "--config", example.toString())).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("apiToken: '****'", "apiKey: '****'", "sasl.jaas.config: '****'", "password: '****'")
                .contains("url: https://example.atlassian.net", "concurrency: 8", "In Review: In testing")
                .doesNotContain(System.getenv("JIRA_API_TOKEN"), System.getenv("KAFKA_PASSWORD"),
                        System.getenv("SCHEMA_REGISTRY_PASSWORD"), "op-secret-3456");
    }

    @Test
    void checkListsEveryProblemOfABadFileOneLineEachAndExitsTwo() {
        Path bad = ConfigFiles.write(dir, "bad.yaml", BAD);

        assertThat(j2o("config", "--config", bad.toString(), "--check")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                "j2o: " + bad + " has 3 problems:",
                "  jira.apiToken: environment variable J2O_TEST_UNSET_VARIABLE is not set",
                "  loader.batchSize: unknown key at line 15; known keys: concurrency, conflictPolicy, groupId, instances, maxAttempts, originalAuthors, requestsPerSecond",
                "  loader.concurrency: must be 1..512, was 0");
    }

    @Test
    void runWithABadFileExitsTwoListingEveryProblemBeforeConnectingAnywhere() {
        Path bad = ConfigFiles.write(dir, "bad.yaml", BAD);

        assertThat(j2o("run", "--config", bad.toString(), "--once")).isEqualTo(2);
        assertThat(err.toString()).contains("has 3 problems", "jira.apiToken: environment variable",
                "loader.batchSize: unknown key", "loader.concurrency: must be 1..512, was 0")
                .doesNotContain("Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileIsAUserError() {
        assertThat(j2o("config", "--config", dir.resolve("nowhere.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("(file): not found: ");
    }

    @Test
    void readmeShowsTheShippedExampleVerbatim() throws IOException {
        Path example = Path.of(System.getProperty("j2o.example.config", "../j2o.example.yaml"));
        String readme = Files.readString(example.resolveSibling("README.md"));

        assertThat(readme).contains("```yaml\n" + Files.readString(example) + "```");
    }

    private int j2o(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
