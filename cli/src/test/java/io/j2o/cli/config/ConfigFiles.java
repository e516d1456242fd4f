package io.j2o.cli.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Configuration files for tests: a minimal valid one, and the shipped example with the secrets it refers to. */
public final class ConfigFiles {

    /** Every required value and nothing else; secrets as literals. */
    public static final String MINIMAL = """
            jira:
              url: https://example.atlassian.net
              email: bot@example.com
              apiToken: jira-token-literal
            openproject:
              url: https://op.example.com
              apiKey: op-key-literal
              jiraKeyField: customField7
            kafka:
              bootstrapServers: localhost:9092
            schemaRegistry:
              url: http://localhost:8081
            """;

    private ConfigFiles() {
    }

    public static Path write(Path dir, String name, String yaml) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code j2o.example.yaml} from the repository root in {@code dir}, next to the OpenProject key file it
     * reads ({@code secrets/openproject-api-key}, with surrounding whitespace that must be trimmed).
     */
    public static Path example(Path dir, String openProjectKey) {
        String location = System.getProperty("j2o.example.config", "../j2o.example.yaml");
        try {
            write(dir, "secrets/openproject-api-key", "\n  " + openProjectKey + "\n");
            return write(dir, "j2o.yaml", Files.readString(Path.of(location)));
        } catch (IOException e) {
            throw new UncheckedIOException("the shipped example " + location + " must exist", e);
        }
    }
}
