package io.j2o.sandbox.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatasetGeneratorTest {

    private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "bulletList", "orderedList", "listItem",
            "codeBlock", "mediaSingle");
    private static final Set<String> MARKS = Set.of("strong", "em", "code", "link");

    private final JiraDataset dataset = new DatasetGenerator(42).generate(3, 300);

    @Test
    void sameSeedGivesIdenticalJson() {
        assertThat(new DatasetGenerator(42).generate(3, 300).toJson().toString())
                .isEqualTo(dataset.toJson().toString());
    }

    @Test
    void differentSeedGivesDifferentData() {
        assertThat(new DatasetGenerator(43).generate(3, 300).toJson()).isNotEqualTo(dataset.toJson());
    }

    @Test
    void everyProjectHasAdministratorsDevelopersWithItsGroupAndEmptyViewers() {
        for (ObjectNode project : dataset.projects()) {
            String key = project.get("key").asText();
            List<ObjectNode> roles = dataset.rolesOf(key);
            assertThat(roles).extracting(role -> role.get("name").asText())
                    .containsExactly("Administrators", "Developers", "Viewers");
            assertThat(roles.get(0).get("actors").findValuesAsText("accountId")).hasSize(1);
            assertThat(roles.get(1).get("actors").findValuesAsText("type"))
                    .containsExactly("atlassian-group-role-actor", "atlassian-user-role-actor");
            String groupId = roles.get(1).get("actors").get(0).at("/actorGroup/groupId").asText();
            assertThat(dataset.groups()).filteredOn(group -> group.get("groupId").asText().equals(groupId))
                    .extracting(group -> group.get("name").asText()).containsExactly(key.toLowerCase() + "-developers");
            assertThat(roles.get(2).get("actors")).isEmpty();
        }
    }

    @Test
    void rolesChangeNothingElseTheGeneratorMakes() {
        JiraDataset withoutRoles = new JiraDataset(dataset.siteUrl(), dataset.users(), dataset.projects(),
                dataset.versions(), dataset.statuses(), dataset.issueTypes(), dataset.priorities(), dataset.issues(),
                dataset.groups());
        ObjectNode json = dataset.toJson();
        json.putArray("projectRoles");
        assertThat(withoutRoles.toJson()).isEqualTo(json);
    }

    @Test
    void projectsHaveGreekKeysAndNumericIds() {
        assertThat(dataset.projects()).extracting(p -> p.get("key").asText()).containsExactly("ALPHA", "BETA", "GAMMA");
        assertThat(dataset.projects()).extracting(p -> p.get("id").asText()).containsExactly("10000", "10001", "10002");
        assertThat(dataset.projects()).allSatisfy(p -> {
            assertThat(p.get("projectTypeKey").asText()).isEqualTo("software");
            assertThat(p.get("lead").get("accountId").asText()).isNotBlank();
        });
    }

    @Test
    void issuesAreSpreadOverProjectsWithKeysNumberedPerProject() {
        assertThat(dataset.issues()).hasSize(300);
        Set<String> projectKeys = dataset.issues().stream()
                .map(issue -> issue.get("fields").get("project").get("key").asText()).collect(Collectors.toSet());
        assertThat(projectKeys).containsExactlyInAnyOrder("ALPHA", "BETA", "GAMMA");
        assertThat(dataset.issues()).allSatisfy(issue -> {
            String projectKey = issue.get("fields").get("project").get("key").asText();
            assertThat(issue.get("key").asText()).matches(projectKey + "-[1-9][0-9]*");
            assertThat(issue.get("id").isTextual()).isTrue();
            assertThat(issue.get("id").asText()).matches("1[0-9]{4}");
        });
        assertThat(dataset.issues().stream().map(i -> i.get("key").asText()).distinct().count()).isEqualTo(300);
    }

    @Test
    void timestampsUseJiraFormatAndUpdatedIsNeverBeforeCreated() {
        assertThat(dataset.issues()).allSatisfy(issue -> {
            String created = issue.get("fields").get("created").asText();
            String updated = issue.get("fields").get("updated").asText();
            assertThat(created).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
            assertThat(updated).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}\\+0000");
            assertThat(JiraDateTimes.parse(updated)).isAfterOrEqualTo(JiraDateTimes.parse(created));
            assertThat(JiraDateTimes.parse(updated)).isBeforeOrEqualTo(DatasetGenerator.BASE_INSTANT);
        });
        Instant earliest = dataset.issues().stream().map(i -> JiraDateTimes.parse(i.get("fields").get("created").asText()))
                .min(Instant::compareTo).orElseThrow();
        assertThat(earliest).isBefore(DatasetGenerator.BASE_INSTANT.minusSeconds(90L * 24 * 3600));
    }

    @Test
    void commentsAreEmbeddedAsJiraCloudDoesAndFallBetweenCreationAndTheIssuesUpdate() {
        List<Integer> counts = dataset.issues().stream().map(i -> i.at("/fields/comment/comments").size()).toList();
        assertThat(counts).as("a few long discussions, otherwise up to four")
                .allMatch(c -> c <= 4 || c >= 21 && c <= 30).contains(0, 1, 4);
        Set<String> ids = new java.util.HashSet<>();
        assertThat(dataset.issues()).allSatisfy(issue -> {
            JsonNode page = issue.at("/fields/comment");
            int listed = page.get("comments").size();
            assertThat(page.get("total").asInt()).isEqualTo(listed);
            assertThat(page.get("maxResults").asInt()).isEqualTo(listed);
            assertThat(page.get("startAt").asInt()).isZero();
            Instant created = JiraDateTimes.parse(issue.at("/fields/created").asText());
            Instant updated = JiraDateTimes.parse(issue.at("/fields/updated").asText());
            Instant previous = created;
            for (JsonNode comment : page.get("comments")) {
                assertThat(ids.add(comment.get("id").asText())).as("comment ids are unique").isTrue();
                assertThat(comment.at("/author/accountId").asText()).isNotBlank();
                assertThat(comment.at("/author/displayName").asText()).isNotBlank();
                assertThat(comment.at("/body/type").asText()).isEqualTo("doc");
                Instant commented = JiraDateTimes.parse(comment.get("created").asText());
                Instant edited = JiraDateTimes.parse(comment.get("updated").asText());
                assertThat(commented).isAfterOrEqualTo(previous).isAfter(created);
                assertThat(edited).isAfterOrEqualTo(commented).isBeforeOrEqualTo(updated);
                previous = commented;
            }
        });
    }

    @Test
    void dataCoversTheAwkwardCasesAConverterMustHandle() {
        List<ObjectNode> issues = dataset.issues();
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").get("description").isNull()).isTrue());
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").get("assignee").isNull()).isTrue());
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").get("summary").asText()).contains("`"));
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").get("summary").asText()).contains("*"));
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").get("summary").asText()).contains("["));
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").get("summary").asText()).contains("_"));
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").get("summary").asText()).startsWith("#"));
        assertThat(issues).anySatisfy(i -> assertThat(i.get("fields").has("parent")).isTrue());
        assertThat(issues.stream().map(i -> i.get("fields").get("issuetype").get("name").asText()).distinct())
                .containsExactlyInAnyOrder("Task", "Bug", "Story", "Epic");
        String all = dataset.toJson().toString();
        for (String type : List.of("\"codeBlock\"", "\"bulletList\"", "\"orderedList\"", "\"heading\"", "\"link\"",
                "\"strong\"", "\"em\"", "\"code\"")) {
            assertThat(all).contains(type);
        }
    }

    @Test
    void everyDescriptionIsWellFormedAdf() {
        dataset.issues().stream().map(i -> i.get("fields").get("description")).filter(d -> !d.isNull()).forEach(doc -> {
            assertThat(doc.get("type").asText()).isEqualTo("doc");
            assertThat(doc.get("version").asInt()).isEqualTo(1);
            assertThat(doc.get("content").isArray()).isTrue();
            doc.get("content").forEach(DatasetGeneratorTest::assertBlock);
        });
    }

    @Test
    void referenceDataMatchesJiraDefaults() {
        assertThat(dataset.statuses()).extracting(s -> s.get("statusCategory").get("key").asText())
                .contains("new", "indeterminate", "done");
        assertThat(dataset.issueTypes()).extracting(t -> t.get("name").asText() + ":" + t.get("hierarchyLevel").asInt())
                .containsExactlyInAnyOrder("Epic:1", "Task:0", "Bug:0", "Story:0");
        assertThat(dataset.priorities()).extracting(p -> p.get("name").asText())
                .containsExactly("Highest", "High", "Medium", "Low", "Lowest");
        assertThat(dataset.users()).allSatisfy(u -> {
            assertThat(u.get("accountType").asText()).isEqualTo("atlassian");
            assertThat(u.get("emailAddress").asText()).matches("[a-z]+\\.[a-z]+@example\\.com");
            assertThat(u.get("timeZone").asText()).isNotBlank();
        });
    }

    private static void assertBlock(JsonNode node) {
        assertThat(BLOCKS).contains(node.get("type").asText());
        assertThat(node.get("content").isArray()).as("content of %s", node).isTrue();
        switch (node.get("type").asText()) {
            case "heading" -> assertThat(node.get("attrs").get("level").asInt()).isBetween(1, 6);
            case "codeBlock" -> assertThat(node.get("attrs").get("language").asText()).isNotBlank();
            default -> { }
        }
        for (JsonNode child : node.get("content")) {
            if (child.get("type").asText().equals("mention")) {
                assertThat(child.at("/attrs/id").asText()).isNotBlank();
                assertThat(child.at("/attrs/text").asText()).startsWith("@");
            } else if (child.get("type").asText().equals("media")) {
                assertThat(node.get("type").asText()).isEqualTo("mediaSingle");
                assertThat(child.at("/attrs/type").asText()).isEqualTo("file");
                assertThat(child.at("/attrs/alt").asText()).isNotBlank();
            } else if (child.get("type").asText().equals("text")) {
                assertThat(child.get("text").asText()).isNotEmpty();
                for (JsonNode mark : child.path("marks")) {
                    assertThat(MARKS).contains(mark.get("type").asText());
                    if (mark.get("type").asText().equals("link")) {
                        assertThat(mark.get("attrs").get("href").asText()).startsWith("https://");
                    }
                }
            } else {
                assertBlock(child);
            }
        }
    }
}
