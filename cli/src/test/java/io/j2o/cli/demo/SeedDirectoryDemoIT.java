package io.j2o.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code j2o demo --jira-seed-dir} on the real Jira payloads of ../shared/acceptance/jira-real: every issue the
 * simulator serves ends in OpenProject, in the dead-letter topic with its reason, or waiting for a reference the
 * captures do not hold (a parent or linked issue never captured); none is lost, and a resync writes nothing. The same
 * holds for the seed mixed with a generated site.
 */
class SeedDirectoryDemoIT {

    @TempDir
    Path dir;

    @Test
    void everySeededIssueIsMigratedParkedOrWaitingAndAResyncWritesNothing() throws Exception {
        JsonNode report = demo();

        int served = report.at("/seed/issuesServed").asInt();
        assertThat(served).isPositive();
        assertEveryIssueAccountedFor(report, served);
    }

    @Test
    void aSeedMixedWithGeneratedIssuesAccountsForEveryIssueOfBoth() throws Exception {
        JsonNode report = demo("--issues", "120", "--projects", "2", "--seed", "5");

        int seeded = report.at("/seed/issuesServed").asInt();
        assertThat(seeded).isPositive();
        assertThat(report.at("/seed/mixedWith/generatedIssues").asInt()).isEqualTo(120);
        assertThat(report.at("/jira/issues").asInt()).isEqualTo(seeded + 120);
        assertThat(report.path("mismatched")).isEmpty();
        assertEveryIssueAccountedFor(report, seeded + 120);
    }

    /** Runs the demo once on the real payloads with {@code options}; exit code 0. */
    private JsonNode demo(String... options) throws Exception {
        Path corpus = Path.of(System.getProperty("j2o.shared.dir", "../shared"), "acceptance", "jira-real");
        assumeTrue(Files.isDirectory(corpus), "the real Jira payloads are not at " + corpus.toAbsolutePath());
        StringWriter out = new StringWriter();
        List<String> arguments = new ArrayList<>(List.of("demo", "--jira-seed-dir", corpus.toString(), "--once",
                "--report-dir", dir.toString()));
        arguments.addAll(List.of(options));

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(out, true), arguments.toArray(String[]::new));

        assertThat(exit).as(out.toString()).isZero();
        return new ObjectMapper().readTree(dir.resolve("validation.json").toFile());
    }

    /** Each of {@code issues} is a work package, parked or waiting, none missing or twice, and a resync wrote nothing. */
    private static void assertEveryIssueAccountedFor(JsonNode report, int issues) {
        Set<String> accounted = new HashSet<>();
        report.path("parked").forEach(parked -> accounted.add(parked.path("key").asText()));
        report.path("waiting").forEach(waiting -> accounted.add(waiting.path("key").asText()));
        long issuesAccounted = accounted.stream().filter(key -> key.matches("[A-Z][A-Z0-9_]*-\\d+")).count();
        System.out.printf("issues: %d served, %d work packages, %d parked or waiting%n", issues,
                report.at("/openproject/workPackages").asInt(), issuesAccounted);
        assertThat(report.at("/openproject/workPackages").asInt() + issuesAccounted).isEqualTo(issues);
        assertThat(report.path("missing")).isEmpty();
        assertThat(report.path("duplicates")).isEmpty();
        assertThat(report.at("/resync/writes").asInt()).isZero();
    }
}
