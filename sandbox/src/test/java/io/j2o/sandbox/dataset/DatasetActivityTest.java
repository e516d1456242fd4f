package io.j2o.sandbox.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Versions, fix versions, time tracking, worklogs and issue links of a generated site, in Jira Cloud's shapes. */
class DatasetActivityTest {

    private final JiraDataset dataset = new DatasetGenerator(42).generate(3, 300);

    @Test
    void everyProjectHasTwoToFourVersionsAndTheNewestIsUnreleased() {
        for (ObjectNode project : dataset.projects()) {
            List<ObjectNode> versions = dataset.versionsOf(project.get("id").asText());
            assertThat(versions).hasSizeBetween(2, 4);
            assertThat(versions).allSatisfy(version -> {
                assertThat(version.get("projectId").isNumber()).isTrue();
                assertThat(version.get("id").isTextual()).isTrue();
                assertThat(version.get("archived").isBoolean()).isTrue();
                assertThat(version.path("releaseDate").asText("2025-01-01")).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(version.path("startDate").asText("2025-01-01")).matches("\\d{4}-\\d{2}-\\d{2}");
            });
            assertThat(versions.get(versions.size() - 1).get("released").asBoolean()).isFalse();
            assertThat(versions.get(0).get("released").asBoolean()).isTrue();
        }
        assertThat(dataset.versions().stream().map(v -> v.get("id").asText()).distinct()).hasSize(dataset.versions().size());
    }

    @Test
    void fixVersionsReferToAVersionOfTheIssuesOwnProject() {
        Map<String, String> projectOfVersion = new HashMap<>();
        dataset.versions().forEach(v -> projectOfVersion.put(v.get("id").asText(), v.get("projectId").asText()));
        assertThat(dataset.issues()).allSatisfy(issue -> {
            JsonNode fixVersions = issue.at("/fields/fixVersions");
            assertThat(fixVersions.size()).isLessThanOrEqualTo(1);
            fixVersions.forEach(ref -> {
                assertThat(projectOfVersion.get(ref.get("id").asText())).isEqualTo(issue.at("/fields/project/id").asText());
                assertThat(ref.has("name")).isTrue();
                assertThat(ref.has("projectId")).isFalse();
            });
        });
        assertThat(dataset.issues()).anySatisfy(issue -> assertThat(issue.at("/fields/fixVersions")).isNotEmpty());
        assertThat(dataset.issues()).anySatisfy(issue -> assertThat(issue.at("/fields/fixVersions")).isEmpty());
    }

    @Test
    void worklogsAreCompleteAndSomeIssuesHaveMoreThanJiraEmbeds() {
        assertThat(dataset.issues()).allSatisfy(issue -> {
            JsonNode page = issue.at("/fields/worklog");
            assertThat(page.get("total").asInt()).isEqualTo(page.get("worklogs").size()).isBetween(0, 25);
            long logged = 0;
            for (JsonNode worklog : page.get("worklogs")) {
                assertThat(worklog.get("issueId").asText()).isEqualTo(issue.get("id").asText());
                assertThat(worklog.get("timeSpentSeconds").asLong()).isPositive();
                assertThat(worklog.get("author").get("accountId").asText()).isNotBlank();
                assertThat(JiraDateTimes.parse(worklog.get("started").asText()))
                        .isAfterOrEqualTo(JiraDateTimes.parse(issue.at("/fields/created").asText()));
                logged += worklog.get("timeSpentSeconds").asLong();
            }
            JsonNode spent = issue.at("/fields/timespent");
            assertThat(spent.isNull() ? 0 : spent.asLong()).isEqualTo(logged);
        });
        assertThat(dataset.issues()).anySatisfy(issue -> assertThat(issue.at("/fields/worklog/total").asInt()).isGreaterThan(20));
    }

    @Test
    void estimatesAreSecondsOrNullAndTimetrackingSaysTheSame() {
        assertThat(dataset.issues()).allSatisfy(issue -> {
            JsonNode fields = issue.get("fields");
            JsonNode original = fields.get("timeoriginalestimate");
            assertThat(original.isNull() || original.isIntegralNumber()).isTrue();
            assertThat(fields.get("timetracking").path("originalEstimateSeconds")).isEqualTo(original.isNull()
                    ? fields.get("timetracking").path("originalEstimateSeconds") : original);
            assertThat(fields.get("timeestimate").isNull() || fields.get("timeestimate").asLong() >= 0).isTrue();
        });
        assertThat(dataset.issues()).anySatisfy(issue -> assertThat(issue.at("/fields/timeoriginalestimate").isNull()).isTrue());
        assertThat(dataset.issues()).anySatisfy(issue ->
                assertThat(issue.at("/fields/timetracking/originalEstimate").asText()).matches("(\\d+[wdhm] ?)+"));
    }

    @Test
    void everyLinkShowsOnBothIssuesOnceOutwardAndOnceInwardWithinOneProject() {
        Map<String, ObjectNode> byId = dataset.issues().stream().collect(Collectors.toMap(i -> i.get("id").asText(), i -> i));
        Map<String, Integer> sides = new HashMap<>();
        for (ObjectNode issue : dataset.issues()) {
            for (JsonNode link : issue.at("/fields/issuelinks")) {
                assertThat(link.has("outwardIssue")).isNotEqualTo(link.has("inwardIssue"));
                String direction = link.has("outwardIssue") ? "outwardIssue" : "inwardIssue";
                String opposite = link.has("outwardIssue") ? "inwardIssue" : "outwardIssue";
                ObjectNode other = byId.get(link.get(direction).get("id").asText());
                assertThat(other.at("/fields/project/key")).isEqualTo(issue.at("/fields/project/key"));
                assertThat(link.at("/type/name").asText()).isIn("Blocks", "Relates", "Duplicate", "Cloners");
                List<JsonNode> mirrored = StreamSupport.stream(other.at("/fields/issuelinks").spliterator(), false)
                        .filter(candidate -> candidate.get("id").equals(link.get("id"))).toList();
                assertThat(mirrored).singleElement().satisfies(mirror -> {
                    assertThat(mirror.get(opposite).get("id").asText()).isEqualTo(issue.get("id").asText());
                    assertThat(mirror.get("type")).isEqualTo(link.get("type"));
                });
                sides.merge(link.get("id").asText(), 1, Integer::sum);
            }
        }
        assertThat(sides).isNotEmpty();
        assertThat(Set.copyOf(sides.values())).containsExactly(2);
    }

    @Test
    void someIssuesHaveMoreCommentsThanJiraEmbeds() {
        assertThat(dataset.issues()).allSatisfy(issue ->
                assertThat(issue.at("/fields/comment/total").asInt()).isEqualTo(issue.at("/fields/comment/comments").size()));
        assertThat(dataset.issues()).anySatisfy(issue -> assertThat(issue.at("/fields/comment/total").asInt()).isGreaterThan(20));
    }
}
