package io.j2o.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.cli.Main;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.j2o.schemas.markers.CommentMarker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end, as a user runs it: {@code j2o demo --once} migrates a generated Jira site
 * through a real broker into the OpenProject simulator, re-extracts it all, and validates.
 */
class DemoCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PROJECTS = 3;
    private static final int ISSUES = 300;
    private static final long SEED = 7;

    @TempDir
    static Path dir;

    private static int exitCode;
    private static String output;
    private static JsonNode report;
    private static JsonNode openProject;

    @BeforeAll
    static void runDemoOnce() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        exitCode = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "demo",
                "--projects", "" + PROJECTS, "--issues", "" + ISSUES, "--seed", "" + SEED, "--once",
                "--report-dir", dir.resolve("report").toString(),
                "--dump-openproject", dir.resolve("openproject.json").toString(), "--timeout", "PT5M");
        output = out.toString();
        System.out.println(output);
        System.err.println(err);
        report = JSON.readTree(dir.resolve("report/validation.json").toFile());
        openProject = JSON.readTree(dir.resolve("openproject.json").toFile());
    }

    @Test
    void migratesEveryIssueExactlyOnceAndExitsZero() {
        assertThat(exitCode).as(output).isZero();
        assertThat(report.path("jira").path("issues").asInt()).isEqualTo(ISSUES);
        assertThat(report.path("openproject").path("workPackages").asInt()).isEqualTo(ISSUES);
        assertThat(report.path("openproject").path("projects").asInt()).isEqualTo(PROJECTS);
        assertThat(report.path("missing")).isEmpty();
        assertThat(report.path("duplicates")).isEmpty();
        assertThat(report.path("mismatched")).isEmpty();
        assertThat(openProject.path("workPackages")).hasSize(ISSUES);
        assertThat(output).contains("OK").contains("OpenProject: 3 projects, 300 work packages");
    }

    @Test
    void secondFullExtractionWritesNothing() {
        int comments = jiraComments().size();
        assertThat(report.path("resync").path("events").asInt()).isEqualTo(PROJECTS + ISSUES);
        assertThat(report.path("resync").path("writes").asInt()).isZero();
        assertThat(report.path("openproject").path("writes").asInt())
                .as("one create per project, work package and comment, nothing more").isEqualTo(PROJECTS + ISSUES + comments);
    }

    /** Checked against the generated Jira data: each comment once, on its issue's work package, its author kept. */
    @Test
    void everyJiraCommentArrivesExactlyOnceOnItsWorkPackageWithAuthorAndTime() {
        Map<String, JsonNode> jira = jiraComments();
        assertThat(jira).as("the generated site has comments").hasSizeGreaterThan(ISSUES / 2);
        Map<String, String> issueKeyByWorkPackage = new HashMap<>();
        openProject.path("workPackages").forEach(wp ->
                issueKeyByWorkPackage.put(wp.at("/_links/self/href").asText(), wp.path("customField1").asText()));
        Map<String, List<JsonNode>> migrated = new HashMap<>();
        openProject.path("activities").forEach(activity -> CommentMarker.idIn(activity.at("/comment/raw").asText())
                .ifPresent(id -> migrated.computeIfAbsent(id, k -> new ArrayList<>()).add(activity)));

        assertThat(migrated.keySet()).containsExactlyInAnyOrderElementsOf(jira.keySet());
        jira.forEach((id, comment) -> {
            List<JsonNode> copies = migrated.get(id);
            assertThat(copies).as("comment " + id).hasSize(1);
            JsonNode activity = copies.get(0);
            assertThat(issueKeyByWorkPackage.get(activity.at("/_links/workPackage/href").asText())).as("comment " + id)
                    .isEqualTo(comment.path("issueKey").asText());
            String raw = activity.at("/comment/raw").asText();
            assertThat(raw.lines().findFirst().orElseThrow()).as("comment " + id)
                    .startsWith("*Originally by " + comment.at("/author/displayName").asText() + " on "
                            + JiraDateTimes.parse(comment.path("created").asText()).truncatedTo(ChronoUnit.SECONDS))
                    .endsWith(" in Jira*");
            assertThat(textOfMarkdown(raw)).as("comment " + id).contains(textOfAdf(comment.path("body")));
        });
        assertThat(report.path("jira").path("comments").asInt()).isEqualTo(jira.size());
        assertThat(report.path("openproject").path("comments").asInt()).isEqualTo(jira.size());
    }

    /** Every comment of the generated site by id, each with the key of its issue added as {@code issueKey}. */
    private static Map<String, JsonNode> jiraComments() {
        Map<String, JsonNode> comments = new HashMap<>();
        for (JsonNode issue : new DatasetGenerator(SEED).generate(PROJECTS, ISSUES).issues()) {
            issue.at("/fields/comment/comments").forEach(comment -> comments.put(comment.path("id").asText(),
                    ((ObjectNode) comment.deepCopy()).put("issueKey", issue.path("key").asText())));
        }
        return comments;
    }

    /** Checked against the generated Jira data directly, not through the mapping rules the validator reuses. */
    @Test
    void workPackagesCarrySubjectDescriptionTypeStatusAndPriorityOfTheirIssue() {
        JiraDataset jira = new DatasetGenerator(SEED).generate(PROJECTS, ISSUES);
        Map<String, JsonNode> byKey = new HashMap<>();
        openProject.path("workPackages").forEach(wp -> byKey.put(wp.path("customField1").asText(), wp));
        Map<String, String> types = Map.of("Task", "Task", "Bug", "Bug", "Story", "User story", "Epic", "Epic");
        Map<String, String> statuses = Map.of("To Do", "New", "In Progress", "In progress", "In Review", "In testing", "Done", "Closed");
        Map<String, String> priorities = Map.of("Highest", "Immediate", "High", "High", "Medium", "Normal", "Low", "Low", "Lowest", "Low");

        for (JsonNode issue : jira.issues()) {
            String key = issue.path("key").asText();
            JsonNode fields = issue.path("fields");
            JsonNode wp = byKey.get(key);
            assertThat(wp).as(key).isNotNull();
            assertThat(wp.path("subject").asText()).as(key).isEqualTo(fields.path("summary").asText().strip());
            assertThat(textOfMarkdown(wp.path("description").path("raw").asText(""))).as(key + " description text")
                    .isEqualTo(textOfAdf(fields.path("description")));
            assertThat(wp.path("_links").path("type").path("title").asText()).as(key)
                    .isEqualTo(types.get(fields.path("issuetype").path("name").asText()));
            assertThat(wp.path("_links").path("status").path("title").asText()).as(key)
                    .isEqualTo(statuses.get(fields.path("status").path("name").asText()));
            assertThat(wp.path("_links").path("priority").path("title").asText()).as(key)
                    .isEqualTo(priorities.get(fields.path("priority").path("name").asText()));
        }
    }

    @Test
    void everyWorkPackageHangsUnderTheWorkPackageOfItsIssuesParent() {
        JiraDataset jira = new DatasetGenerator(SEED).generate(PROJECTS, ISSUES);
        Map<String, String> keyByHref = new HashMap<>();
        Map<String, String> parentHrefByKey = new HashMap<>();
        openProject.path("workPackages").forEach(wp -> {
            keyByHref.put(wp.at("/_links/self/href").asText(), wp.path("customField1").asText());
            parentHrefByKey.put(wp.path("customField1").asText(), wp.at("/_links/parent/href").asText(null));
        });
        long children = jira.issues().stream().filter(issue -> issue.path("fields").has("parent")).count();
        assertThat(children).as("the generated site has epics with children").isPositive();

        for (JsonNode issue : jira.issues()) {
            String key = issue.path("key").asText();
            String parentHref = parentHrefByKey.get(key);
            String expectedParent = issue.path("fields").path("parent").path("key").asText(null);
            assertThat(parentHref == null ? null : keyByHref.get(parentHref)).as(key + " parent").isEqualTo(expectedParent);
        }
    }

    /** The words of an ADF document, in order: what a reader sees, whatever the markup. */
    private static String textOfAdf(JsonNode node) {
        List<String> words = new ArrayList<>();
        collectAdfText(node, words);
        return String.join(" ", words);
    }

    private static void collectAdfText(JsonNode node, List<String> words) {
        if (node.path("type").asText().equals("text")) {
            words.addAll(split(node.path("text").asText()));
        }
        node.path("content").forEach(child -> collectAdfText(child, words));
    }

    private static String textOfMarkdown(String markdown) {
        List<String> words = new ArrayList<>();
        Parser.builder().build().parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                words.addAll(split(text.getLiteral()));
            }

            @Override
            public void visit(Code code) {
                words.addAll(split(code.getLiteral()));
            }

            @Override
            public void visit(FencedCodeBlock block) {
                words.addAll(split(block.getLiteral()));
            }
        });
        return String.join(" ", words);
    }

    private static List<String> split(String text) {
        return List.of(text.trim().split("\\s+")).stream().filter(w -> !w.isEmpty()).toList();
    }
}
