package io.j2o.cli.run;

import io.j2o.cli.config.ConfigDurations;
import io.j2o.cli.config.ConfigFileOption;
import io.j2o.cli.config.ConfigLoader;
import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.extractor.ExtractorConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code j2o run}: the pipeline against the real Jira, Kafka, Schema Registry and OpenProject of a configuration file. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs the extractor, transformer and loader against the endpoints in the configuration file.",
            "Extracts every extractor.pollInterval until SIGTERM or Ctrl-C, then stops extracting, lets the loader",
            "finish its batch and closes Kafka Streams. With --once: one extraction pass, wait until all of it is",
            "transformed and loaded, exit."})
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--once", description = "Extract once, wait until the pipeline is idle, exit: 0 when it got there.")
    boolean once;

    @Option(names = "--reconcile", description = {"With --once: also find issues deleted in Jira and delete their work packages",
        "now (otherwise every extractor.reconcileEvery passes, counted across runs and restarts)."})
    boolean reconcile;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "With --once: give up waiting for the pipeline to become idle after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--projects", split = ",", paramLabel = "KEY", description = {
        "Extract only these Jira projects (keys, comma-separated), instead of extractor.projects."})
    List<String> projects;

    @Option(names = "--entities", split = ",", paramLabel = "KIND", description = {
        "Extract only these kinds (users, groups, projects, versions, issues, roles, vocabulary),",
        "instead of extractor.entities."})
    List<String> entities;

    @Override
    public Integer call() throws InterruptedException {
        ConfigLoader.Loaded loaded = configFile.load();
        SyncRun run = new SyncRun(loaded, narrowed(loaded.settings()), spec.commandLine().getOut());
        return once ? run.once(timeout, reconcile) : run.untilStopped();
    }

    /** The settings with the command line's filters in place of the configuration file's. */
    private PipelineSettings narrowed(PipelineSettings settings) {
        ExtractorConfig extractor = settings.extractor();
        try {
            if (projects != null) {
                extractor = extractor.withProjects(projects);
            }
            if (entities != null) {
                extractor = extractor.withEntities(entities);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--projects/--entities: " + e.getMessage(), e);
        }
        return settings.withExtractor(extractor);
    }

    /** Accepts what the configuration file accepts: {@code 90s}, {@code 5m}, {@code PT1H}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return ConfigDurations.parse(value);
        }
    }
}
