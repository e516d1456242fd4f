package io.j2o.cli.config;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command that reads a deployment's configuration shares (a picocli mixin). */
public final class ConfigFileOption {

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "j2o.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}); see j2o.example.yaml.")
    Path file;

    public Path path() {
        return file;
    }

    /** Reads and checks the file, secrets resolved from this process's environment. */
    public ConfigLoader.Loaded load() {
        return ConfigLoader.withSystemEnvironment().load(file);
    }
}
