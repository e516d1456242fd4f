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
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code j2o demo --jira-seed-dir} on the real Jira payloads of ../shared/acceptance/jira-real: every issue the
 * simulator serves ends in OpenProject, in the dead-letter topic with its reason, or waiting for a reference the
 * captures do not hold (a parent or linked issue never captured); none is lost, and a resync writes nothing.
 */
class SeedDirectoryDemoIT {

    @TempDir
    Path dir;

    @Test
    void everySeededIssueIsMigratedParkedOrWaitingAndAResyncWritesNothing() throws Exception {
        Path corpus = Path.of(System.getProperty("j2o.shared.dir", "../shared"), "acceptance", "jira-real");
        assumeTrue(Files.isDirectory(corpus), "the real Jira payloads are not at " + corpus.toAbsolutePath());
        StringWriter out = new StringWriter();

        int exit = Main.run(new PrintWriter(out, true), new PrintWriter(out, true), "demo", "--jira-seed-dir",
                corpus.toString(), "--once", "--report-dir", dir.toString());

        assertThat(exit).as(out.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("validation.json").toFile());
        int served = report.at("/seed/issuesServed").asInt();
        Set<String> accounted = new HashSet<>();
        report.path("parked").forEach(parked -> accounted.add(parked.path("key").asText()));
        report.path("waiting").forEach(waiting -> accounted.add(waiting.path("key").asText()));
        long issuesAccounted = accounted.stream().filter(key -> key.matches("[A-Z][A-Z0-9_]*-\\d+")).count();
        System.out.printf("seeded issues: %d served, %d work packages, %d parked or waiting%n", served,
                report.at("/openproject/workPackages").asInt(), issuesAccounted);
        assertThat(served).isPositive();
        assertThat(report.at("/openproject/workPackages").asInt() + issuesAccounted).isEqualTo(served);
        assertThat(report.path("missing")).isEmpty();
        assertThat(report.path("duplicates")).isEmpty();
        assertThat(report.at("/resync/writes").asInt()).isZero();
    }
}
