package io.j2o.cli;

import io.j2o.cli.config.ConfigCommand;
import io.j2o.cli.demo.DemoCommand;
import io.j2o.cli.replay.ReplayCommand;
import io.j2o.cli.run.RunCommand;
import io.j2o.cli.status.StatusCommand;
import io.j2o.cli.validate.ValidateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** The {@code j2o} command and its subcommands. */
@Command(name = "j2o", mixinStandardHelpOptions = true, version = "j2o 0.1.0",
        description = "Migrates Jira into OpenProject through Kafka and keeps them in sync until cutover.",
        subcommands = {DemoCommand.class, RunCommand.class, ReplayCommand.class, StatusCommand.class, ValidateCommand.class,
            ConfigCommand.class})
public final class J2oCommand implements Runnable {

    @Override
    public void run() {
        throw new ParameterException(new CommandLine(this), "a subcommand is required, e.g. 'j2o demo'");
    }
}
