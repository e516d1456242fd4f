package io.j2o.cli.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.j2o.cli.config.ConfigFileOption;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code j2o status}: where the pipeline of a configuration file stands, from Kafka alone. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Shows, for the deployment of the configuration file: how far behind the transformer and the loader are,",
            "how many dead letters wait, every command waiting for a reference that has not been loaded yet, and how many",
            "text links (issue keys, mentions, images) still show fallback text until what they name is loaded."})
public final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PipelineStatus.Snapshot snapshot = new PipelineStatus(configFile.load().settings()).read();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(snapshot));
        } else {
            PipelineStatus.describe(snapshot).forEach(out::println);
        }
        out.flush();
        return 0;
    }
}
