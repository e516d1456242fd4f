package io.j2o.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code j2o demo --flavour datacenter} as a user runs it: a simulated Jira Data Center migrated over REST v2. */
class DataCenterDemoIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ISSUES = 400;

    @TempDir
    Path dir;

    @Test
    void migratesADataCenterSiteCompletelyAndItsWikiMarkupBecomesMarkdown() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo", "--flavour", "datacenter",
                "--issues", "" + ISSUES, "--once", "--report-dir", dir.resolve("report").toString(),
                "--dump-openproject", dir.resolve("openproject.json").toString(), "--timeout", "PT5M");
        String output = out.toString();

        assertThat(exitCode).as(output + err).isZero();
        assertThat(output).contains("Jira simulator (DATA_CENTER)").contains("OpenProject: 3 projects, " + ISSUES
                + " work packages").contains("missing 0, duplicated 0, mismatched 0").endsWith("OK\n");
        JsonNode report = JSON.readTree(dir.resolve("report/validation.json").toFile());
        assertThat(report.path("jira").path("issues").asInt()).isEqualTo(ISSUES);
        assertThat(report.path("mismatched")).isEmpty();

        JsonNode openProject = JSON.readTree(dir.resolve("openproject.json").toFile());
        List<String> groupMembers = new ArrayList<>();
        openProject.path("memberships").forEach(m -> groupMembers.add(m.at("/_links/principal/href").asText()));
        assertThat(groupMembers).as("each project's Developers role names its developers group, by name on Data Center")
                .filteredOn(principal -> principal.contains("/groups/")).hasSize(3).doesNotHaveDuplicates();

        List<String> descriptions = new ArrayList<>();
        openProject.path("workPackages")
                .forEach(wp -> descriptions.add(wp.path("description").path("raw").asText("")));
        assertThat(descriptions).hasSize(ISSUES);
        assertThat(descriptions).as("wiki monospace {{config.yaml}} arrives as Markdown code")
                .anyMatch(text -> text.contains("`config.yaml`"))
                .noneMatch(text -> text.contains("{{") || text.contains("{code"));
    }

    @Test
    void unknownFlavourIsAUserMistake() {
        StringWriter err = new StringWriter();
        int exitCode = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "demo",
                "--flavour", "server2003", "--issues", "1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--flavour: must be cloud or datacenter, was server2003");
    }
}
