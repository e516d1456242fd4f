package io.j2o.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.cli.Main;
import io.j2o.cli.config.ConfigFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code j2o run --projects/--entities} refuse what the configuration file would refuse, before connecting anywhere. */
class RunFiltersTest {

    @TempDir
    Path dir;

    @Test
    void aProjectFilterThatIsNoJiraKeyIsRefusedWithExitTwo() {
        StringWriter err = new StringWriter();

        int exit = run(err, "--projects", "PROJ,x) OR project = SECRET");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--projects/--entities: extractor.projects: 'x) OR project = SECRET' is not a Jira project key")
                .doesNotContain("at io.j2o");
    }

    @Test
    void anUnknownEntityIsRefusedWithExitTwoNamingTheKnownOnes() {
        StringWriter err = new StringWriter();

        int exit = run(err, "--entities", "issues,sprints");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("extractor.entities: 'sprints' is not one of [users, groups, projects, versions, issues");
    }

    private int run(StringWriter err, String... filters) {
        Path config = ConfigFiles.example(dir, "op-key");
        String[] args = new String[4 + filters.length];
        args[0] = "run";
        args[1] = "--config";
        args[2] = config.toString();
        args[3] = "--once";
        System.arraycopy(filters, 0, args, 4, filters.length);
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }
}
