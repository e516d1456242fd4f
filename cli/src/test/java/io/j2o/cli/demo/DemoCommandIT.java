package io.j2o.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.cli.Main;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.schemas.markers.TextMarker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
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
    private static final Pattern ISSUE_KEY = Pattern.compile("\\b[A-Z][A-Z0-9_]+-\\d+\\b");
    private static final List<String> KINDS = List.of("projects", "users", "groups", "versions", "workPackages", "comments",
            "memberships", "relations", "timeEntries", "attachments", "watchers");

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
        JiraDataset jira = new DatasetGenerator(SEED).generate(PROJECTS, ISSUES);
        // Sprints travel inside their issues' events: only the versions are events of their own.
        assertThat(report.path("resync").path("events").asInt())
                .as("every project, issue, user, group, version, project role and vocabulary entry once")
                .isEqualTo(PROJECTS + ISSUES + jira.users().size() + jira.groups().size() + jira.versions().size()
                        + jira.projectRoles().size() + vocabularyEntries(jira));
        assertThat(report.path("resync").path("writes").asInt()).isZero();
        int created = 0;
        for (String kind : KINDS) {
            created += report.path("kinds").path(kind).path("openproject").asInt();
        }
        // An attachment over OpenProject's size limit is parked before any write: it is in neither count. A text
        // naming an issue, a person or an image not yet migrated when it was first written is written once more,
        // when its target arrives; nothing else is written twice.
        assertThat(report.path("openproject").path("writes").asInt())
                .as("one create per entity of every kind, and at most one rewrite per text with references")
                .isBetween(created, created + textsWithReferences(jira));
    }

    @Test
    void reportCountsEveryKindOnBothSidesEquallyAndPrintsALinePerKind() {
        long parkedAttachments = StreamSupport.stream(report.path("parked").spliterator(), false)
                .filter(parked -> parked.path("key").asText().startsWith("attachment ")).count();
        for (String kind : KINDS) {
            JsonNode counts = report.path("kinds").path(kind);
            // An attachment over OpenProject's size limit is in Jira and parked, never in OpenProject.
            long held = counts.path("jira").asInt() - (kind.equals("attachments") ? parkedAttachments : 0);
            assertThat(counts.path("jira").asInt()).as(kind).isPositive();
            assertThat(counts.path("openproject").asLong()).as(kind).isPositive().isEqualTo(held);
            assertThat(counts.path("missing")).as(kind).isEmpty();
            assertThat(counts.path("duplicates")).as(kind).isEmpty();
            assertThat(counts.path("mismatched")).as(kind).isEmpty();
            assertThat(output).as(kind).containsPattern("(?m)^  " + kind + " +Jira +" + counts.path("jira").asInt()
                    + " \\| OpenProject +" + held + " \\| missing 0, duplicated 0, mismatched 0$");
        }
        JiraDataset jira = new DatasetGenerator(SEED).generate(PROJECTS, ISSUES);
        assertThat(report.at("/kinds/users/jira").asInt()).isEqualTo(jira.users().size());
        assertThat(report.at("/kinds/groups/jira").asInt()).isEqualTo(jira.groups().size());
        assertThat(report.at("/kinds/versions/jira").asInt()).as("the versions and every sprint an issue names")
                .isEqualTo(jira.versions().size() + sprintNames(jira).size());
        assertThat(report.at("/kinds/timeEntries/jira").asInt()).isEqualTo(worklogs(jira).size());
        assertThat(report.at("/kinds/relations/jira").asInt()).isEqualTo(outwardLinks(jira).size());
        int attachments = 0;
        int watchers = 0;
        for (JsonNode issue : jira.issues()) {
            attachments += issue.at("/fields/attachment").size();
            watchers += issue.at("/fields/watches/watchers").size();
        }
        assertThat(report.at("/kinds/attachments/jira").asInt()).isEqualTo(attachments);
        assertThat(report.at("/kinds/watchers/jira").asInt()).isEqualTo(watchers);
        assertThat(parkedAttachments).as("attachments parked over the size limit, each a Jira attachment").isPositive()
                .isLessThan(attachments);
    }

    /** Checked against the generated Jira data, not through the rules: each link is one relation between its issues. */
    @Test
    void everyJiraIssueLinkIsExactlyOneRelationBetweenTheWorkPackagesOfItsIssues() {
        JiraDataset jira = new DatasetGenerator(SEED).generate(PROJECTS, ISSUES);
        Map<String, String> hrefByKey = new HashMap<>();
        openProject.path("workPackages").forEach(wp -> hrefByKey.put(wp.path("customField1").asText(), wp.at("/_links/self/href").asText()));
        Map<String, String> types = Map.of("Blocks", "blocks", "Cloners", "relates", "Duplicate", "duplicates", "Relates", "relates");
        List<JsonNode> links = outwardLinks(jira);
        assertThat(links).as("the generated site has issue links").isNotEmpty();

        for (JsonNode link : links) {
            String from = hrefByKey.get(link.path("issueKey").asText());
            String to = hrefByKey.get(link.at("/outwardIssue/key").asText());
            String type = types.get(link.at("/type/name").asText());
            List<JsonNode> between = new ArrayList<>();
            openProject.path("relations").forEach(relation -> {
                String relationFrom = relation.at("/_links/from/href").asText();
                String relationTo = relation.at("/_links/to/href").asText();
                if (relationFrom.equals(from) && relationTo.equals(to) || relationFrom.equals(to) && relationTo.equals(from)) {
                    between.add(relation);
                }
            });
            String name = "link " + link.path("id").asText() + " " + link.path("issueKey").asText();
            assertThat(between).as(name).hasSize(1);
            JsonNode relation = between.get(0);
            assertThat(relation.at("/_links/from/href").asText().equals(from) ? relation.path("type").asText()
                    : relation.path("reverseType").asText()).as(name).isEqualTo(type);
        }
        assertThat(openProject.path("relations")).hasSize(links.size());
    }

    /** Checked against the generated Jira data: each worklog is one time entry on its issue's work package, same hours. */
    @Test
    void everyWorklogIsExactlyOneTimeEntryOnItsWorkPackageWithItsHours() {
        JiraDataset jira = new DatasetGenerator(SEED).generate(PROJECTS, ISSUES);
        Map<String, String> keyByHref = new HashMap<>();
        openProject.path("workPackages").forEach(wp -> keyByHref.put(wp.at("/_links/self/href").asText(), wp.path("customField1").asText()));
        Map<String, List<JsonNode>> entriesByWorklog = new HashMap<>();
        openProject.path("timeEntries").forEach(entry -> TextMarker.WORKLOG.idIn(entry.at("/comment/raw").asText())
                .ifPresent(id -> entriesByWorklog.computeIfAbsent(id, k -> new ArrayList<>()).add(entry)));
        Map<String, JsonNode> worklogs = worklogs(jira);
        assertThat(worklogs).as("the generated site has worklogs").isNotEmpty();

        assertThat(entriesByWorklog.keySet()).containsExactlyInAnyOrderElementsOf(worklogs.keySet());
        worklogs.forEach((id, worklog) -> {
            List<JsonNode> entries = entriesByWorklog.get(id);
            assertThat(entries).as("worklog " + id).hasSize(1);
            JsonNode entry = entries.get(0);
            assertThat(Duration.parse(entry.path("hours").asText())).as("worklog " + id)
                    .isEqualTo(Duration.ofSeconds(worklog.path("timeSpentSeconds").asLong()));
            assertThat(keyByHref.get(entry.at("/_links/workPackage/href").asText())).as("worklog " + id)
                    .isEqualTo(worklog.path("issueKey").asText());
        });
    }

    /** Checked against the generated Jira data: fix version, assignee and reporter arrive on the work package. */
    @Test
    void workPackagesCarryTheFixVersionAssigneeAndReporterOfTheirIssue() {
        JiraDataset jira = new DatasetGenerator(SEED).generate(PROJECTS, ISSUES);
        Map<String, JsonNode> byKey = new HashMap<>();
        openProject.path("workPackages").forEach(wp -> byKey.put(wp.path("customField1").asText(), wp));
        Map<String, String> emailByHref = new HashMap<>();
        openProject.path("users").forEach(user -> emailByHref.put(user.at("/_links/self/href").asText(), user.path("email").asText()));
        Map<String, String> versionByHref = new HashMap<>();
        openProject.path("versions").forEach(version -> versionByHref.put(version.at("/_links/self/href").asText(),
                version.at("/_links/definingProject/href").asText() + " " + version.path("name").asText()));
        // Issues name people by accountId only, as Jira Cloud does; the user list has their emails.
        Map<String, String> emailByAccountId = new HashMap<>();
        jira.users().forEach(user -> emailByAccountId.put(user.path("accountId").asText(), user.path("emailAddress").asText()));
        long withVersion = 0;
        long withSprintVersion = 0;

        for (JsonNode issue : jira.issues()) {
            String key = issue.path("key").asText();
            JsonNode fields = issue.path("fields");
            JsonNode wp = byKey.get(key);
            // The fix version, else the latest sprint the issue was in.
            String fixVersion = fields.at("/fixVersions/0/name").asText(null);
            String version = fixVersion != null ? fixVersion : latestSprint(fields).orElse(null);
            String versionHref = wp.at("/_links/version/href").asText(null);
            assertThat(versionHref == null ? null : versionByHref.get(versionHref)).as(key + " version")
                    .isEqualTo(version == null ? null : wp.at("/_links/project/href").asText() + " " + version);
            withVersion += fixVersion == null ? 0 : 1;
            withSprintVersion += fixVersion == null && version != null ? 1 : 0;
            for (String[] people : new String[][] {{"assignee", "assignee"}, {"reporter", "responsible"}}) {
                String href = wp.at("/_links/" + people[1] + "/href").asText(null);
                assertThat(href == null ? null : emailByHref.get(href)).as(key + " " + people[1])
                        .isEqualTo(emailByAccountId.get(fields.path(people[0]).path("accountId").asText(null)));
            }
        }
        assertThat(withVersion).as("the generated site has issues with a fix version").isPositive();
        assertThat(withSprintVersion).as("the generated site has issues in a sprint without a fix version").isPositive();
    }

    /** The name of the issue's sprint with the highest id (Cloud's Sprint field holds sprint objects). */
    private static Optional<String> latestSprint(JsonNode fields) {
        return StreamSupport.stream(fields.path(DatasetCustomFields.SPRINT).spliterator(), false)
                .max(Comparator.comparingLong(sprint -> sprint.path("id").asLong()))
                .map(sprint -> sprint.path("name").asText());
    }

    /**
     * The vocabulary entries a Jira site lists: its statuses, their categories and Jira's "No Category", issue types,
     * priorities, the resolutions and link types its issues use, the 21 system fields the simulated issues carry and
     * the custom fields at least one issue holds, and each project's components.
     */
    private static int vocabularyEntries(JiraDataset jira) {
        Set<String> categories = new HashSet<>(Set.of("1"));
        jira.statuses().forEach(status -> categories.add(status.at("/statusCategory/id").asText()));
        Set<String> resolutions = new HashSet<>();
        Set<String> linkTypes = new HashSet<>();
        Set<String> components = new HashSet<>();
        for (ObjectNode issue : jira.issues()) {
            JsonNode fields = issue.path("fields");
            if (fields.path("resolution").isObject()) {
                resolutions.add(fields.path("resolution").path("id").asText());
            }
            fields.path("issuelinks").forEach(link -> linkTypes.add(link.at("/type/id").asText()));
            fields.path("components").forEach(component ->
                    components.add(fields.at("/project/key").asText() + "/" + component.path("id").asText()));
        }
        long customFields = DatasetCustomFields.jiraFields().stream().map(field -> field.path("id").asText())
                .filter(id -> jira.issues().stream().anyMatch(issue -> issue.path("fields").has(id))).count();
        return jira.statuses().size() + categories.size() + jira.issueTypes().size() + jira.priorities().size()
                + resolutions.size() + linkTypes.size() + 21 + (int) customFields + components.size();
    }

    private static Set<String> sprintNames(JiraDataset jira) {
        Set<String> names = new HashSet<>();
        jira.issues().forEach(issue -> issue.at("/fields/" + DatasetCustomFields.SPRINT)
                .forEach(sprint -> names.add(sprint.path("id").asText())));
        return names;
    }

    /** Every worklog of the generated site by id, each with the key of its issue added as {@code issueKey}. */
    private static Map<String, JsonNode> worklogs(JiraDataset jira) {
        Map<String, JsonNode> worklogs = new HashMap<>();
        for (JsonNode issue : jira.issues()) {
            issue.at("/fields/worklog/worklogs").forEach(worklog -> worklogs.put(worklog.path("id").asText(),
                    ((ObjectNode) worklog.deepCopy()).put("issueKey", issue.path("key").asText())));
        }
        return worklogs;
    }

    /** Every issue link once, from the issue it goes out from ({@code issueKey}) to its {@code outwardIssue}. */
    private static List<JsonNode> outwardLinks(JiraDataset jira) {
        List<JsonNode> links = new ArrayList<>();
        for (JsonNode issue : jira.issues()) {
            issue.at("/fields/issuelinks").forEach(link -> {
                if (link.has("outwardIssue")) {
                    links.add(((ObjectNode) link.deepCopy()).put("issueKey", issue.path("key").asText()));
                }
            });
        }
        return links;
    }

    /** Checked against the generated Jira data: each comment once, on its issue's work package, its author kept. */
    @Test
    void everyJiraCommentArrivesExactlyOnceOnItsWorkPackageWithAuthorAndTime() {
        Map<String, JsonNode> jira = jiraComments();
        assertThat(jira).as("the generated site has comments").hasSizeGreaterThan(ISSUES / 2);
        Map<String, String> issueKeyByWorkPackage = new HashMap<>();
        openProject.path("workPackages").forEach(wp ->
                issueKeyByWorkPackage.put(wp.at("/_links/self/href").asText(), wp.path("customField1").asText()));
        Map<String, String> workPackageIds = workPackageIds();
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
            assertThat(textOfMarkdown(raw)).as("comment " + id).contains(textOfAdf(comment.path("body"), workPackageIds));
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
        Map<String, String> workPackageIds = workPackageIds();
        Map<String, String> types = Map.of("Task", "Task", "Bug", "Bug", "Story", "User story", "Epic", "Epic");
        Map<String, String> statuses = Map.of("To Do", "New", "In Progress", "In progress", "In Review", "In testing", "Done", "Closed");
        Map<String, String> priorities = Map.of("Highest", "Immediate", "High", "High", "Medium", "Normal", "Low", "Low", "Lowest", "Low");

        for (JsonNode issue : jira.issues()) {
            String key = issue.path("key").asText();
            JsonNode fields = issue.path("fields");
            JsonNode wp = byKey.get(key);
            assertThat(wp).as(key).isNotNull();
            assertThat(wp.path("subject").asText()).as(key).isEqualTo(fields.path("summary").asText().strip());
            // ... and its last line links back to the issue in Jira.
            assertThat(textOfMarkdown(wp.path("description").path("raw").asText(""))).as(key + " description text")
                    .isEqualTo((textOfAdf(fields.path("description"), workPackageIds) + " Migrated from Jira issue " + key)
                            .strip());
            assertThat(wp.path("description").path("raw").asText()).as(key + " link back")
                    .endsWith("(" + issue.path("self").asText().replaceFirst("/rest/.*", "") + "/browse/" + key + ")*");
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

    /** The descriptions and comments that name an issue, mention someone or show an image. */
    private static int textsWithReferences(JiraDataset jira) {
        int texts = 0;
        for (JsonNode issue : jira.issues()) {
            List<JsonNode> bodies = new ArrayList<>(List.of(issue.at("/fields/description")));
            issue.at("/fields/comment/comments").forEach(comment -> bodies.add(comment.path("body")));
            texts += (int) bodies.stream().filter(DemoCommandIT::holdsReference).count();
        }
        return texts;
    }

    private static boolean holdsReference(JsonNode adf) {
        String type = adf.path("type").asText();
        if (type.equals("mention") || type.equals("media")
                || (type.equals("text") && ISSUE_KEY.matcher(adf.path("text").asText()).find())) {
            return true;
        }
        return StreamSupport.stream(adf.path("content").spliterator(), false).anyMatch(DemoCommandIT::holdsReference);
    }

    /** The OpenProject id of each migrated issue's work package, by issue key. */
    private Map<String, String> workPackageIds() {
        Map<String, String> ids = new HashMap<>();
        openProject.path("workPackages").forEach(wp -> ids.put(wp.path("customField1").asText(), wp.path("id").asText()));
        return ids;
    }

    /**
     * The words of an ADF document, in order: what a reader sees, whatever the markup, once migrated: an issue key
     * reads as its work package's {@code #id}, a mention as {@code @name}, an image as its file name.
     */
    private static String textOfAdf(JsonNode node, Map<String, String> workPackageIds) {
        List<String> words = new ArrayList<>();
        collectAdfText(node, words);
        return ISSUE_KEY.matcher(String.join(" ", words)).replaceAll(key ->
                workPackageIds.containsKey(key.group()) ? "#" + workPackageIds.get(key.group()) : key.group());
    }

    private static void collectAdfText(JsonNode node, List<String> words) {
        switch (node.path("type").asText()) {
            case "text" -> words.addAll(split(node.path("text").asText()));
            case "mention" -> words.addAll(split(node.at("/attrs/text").asText()));
            case "media" -> words.addAll(split(node.at("/attrs/alt").asText()));
            default -> node.path("content").forEach(child -> collectAdfText(child, words));
        }
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
