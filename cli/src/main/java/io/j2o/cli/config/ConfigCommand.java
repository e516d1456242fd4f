package io.j2o.cli.config;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code j2o config}: the effective configuration with credentials masked, or only a check of it. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {
            "Reads the configuration file, resolves ${env:NAME} and ${file:PATH} references and prints the effective",
            "configuration as YAML, defaults filled in and credentials masked. Exits 2 listing every problem."})
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--check", description = "Only check the file; print nothing but the verdict.")
    boolean check;

    @Override
    public Integer call() {
        ConfigLoader.Loaded loaded = configFile.load();
        spec.commandLine().getOut().print(check ? configFile.path() + ": OK" + System.lineSeparator() : ConfigPrinter.toYaml(loaded.config()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
