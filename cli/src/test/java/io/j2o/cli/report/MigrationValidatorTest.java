package io.j2o.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.transformer.rules.CatalogEntry;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.rules.OpenProjectCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WORK_PACKAGE = "/api/v3/work_packages/7";
    private static final String HEADER_1 = "*Originally by Ann on 2025-03-04T10:11:12Z in Jira*\n\nfirst";
    private static final String HEADER_2 = "*Originally by Ann on 2025-03-04T10:11:12Z in Jira*\n\nsecond";

    private final MigrationValidator validator = new MigrationValidator(new MappingRules(new OpenProjectCatalog(
            List.of(new CatalogEntry("Task", "/api/v3/types/1", true)),
            List.of(new CatalogEntry("New", "/api/v3/statuses/1", true)),
            List.of(new CatalogEntry("Normal", "/api/v3/priorities/8", true)), Map.of(),
            List.of(new CatalogEntry("Member", "/api/v3/roles/4", false))), "customField1", MappingConfig.defaults()),
            "customField1");

    @Test
    void commentsHeldOnceWithTheirTextMatchAndTombstonesOfRemovedOnesAreIgnored() throws Exception {
        ValidationReport report = validate(List.of(activity(""), activity(CommentMarker.append(HEADER_1, "501")),
                activity(CommentMarker.append(HEADER_2, "502")), activity(CommentMarker.tombstone("499"))));

        assertThat(report.mismatched()).isEmpty();
        assertThat(report.jiraComments()).isEqualTo(2);
        assertThat(report.openProjectComments()).isEqualTo(2);
    }

    @Test
    void missingDuplicatedEditedOrUnexpectedCommentsAreReportedAsCommentMismatch() throws Exception {
        String first = CommentMarker.append(HEADER_1, "501");
        String second = CommentMarker.append(HEADER_2, "502");
        for (List<JsonNode> activities : List.of(
                List.of(activity(first)),
                List.of(activity(first), activity(second), activity(second)),
                List.of(activity(first), activity(CommentMarker.append(HEADER_2 + " edited", "502"))),
                List.of(activity(first), activity(second), activity("typed by someone in OpenProject")))) {
            assertThat(validate(activities).mismatched()).as(activities.toString())
                    .containsExactly(new ValidationReport.Mismatch("ALPHA-1", "comments"));
        }
    }

    @Test
    void parentLinkMustPointAtTheParentIssuesWorkPackageOrBeAbsentWhenJiraHasNone() throws Exception {
        JsonNode project = JSON.readTree("{\"id\":\"10000\",\"key\":\"ALPHA\",\"name\":\"Alpha\"}");
        JsonNode opProject = JSON.readTree("""
                {"identifier":"alpha","name":"Alpha","_links":{"self":{"href":"/api/v3/projects/3"}}}""");
        List<JsonNode> issues = List.of(issue("20001", "ALPHA-1", null), issue("20002", "ALPHA-2", "20001"),
                issue("20003", "ALPHA-3", "20001"), issue("20004", "ALPHA-4", null));
        List<JsonNode> workPackages = List.of(workPackage(1, "ALPHA-1", null), workPackage(2, "ALPHA-2", 1),
                workPackage(3, "ALPHA-3", 4), workPackage(4, "ALPHA-4", 1));

        ValidationReport report = validator.validate(List.of(project), issues, List.of(opProject), workPackages, List.of(),
                Map.of(), Map.of());

        assertThat(report.mismatched()).containsExactly(new ValidationReport.Mismatch("ALPHA-3", "parent"),
                new ValidationReport.Mismatch("ALPHA-4", "parent"));
        assertThat(validator.validate(List.of(project), List.of(issues.get(1)), List.of(opProject), workPackages, List.of(),
                Map.of(), Map.of()).mismatched()).as("a child validated without its parent's issue").isEmpty();
    }

    private static JsonNode issue(String id, String key, String parentId) throws Exception {
        String parent = parentId == null ? "" : ",\"parent\":{\"id\":\"" + parentId + "\",\"key\":\"ALPHA-1\"}";
        return JSON.readTree("""
                {"id":"%s","key":"%s","fields":{"summary":"Fix","project":{"id":"10000"},"issuetype":{"name":"Task"},
                 "status":{"name":"New"},"priority":{"name":"Normal"}%s}}""".formatted(id, key, parent));
    }

    private static JsonNode workPackage(int id, String key, Integer parent) throws Exception {
        return JSON.readTree("""
                {"subject":"Fix","customField1":"%s","description":{"raw":""},
                 "_links":{"self":{"href":"/api/v3/work_packages/%d"},"project":{"href":"/api/v3/projects/3"},
                 "type":{"href":"/api/v3/types/1"},"status":{"href":"/api/v3/statuses/1"},
                 "priority":{"href":"/api/v3/priorities/8"},"parent":{"href":%s}}}""".formatted(key, id,
                parent == null ? "null" : "\"/api/v3/work_packages/" + parent + "\""));
    }

    private ValidationReport validate(List<JsonNode> activities) throws Exception {
        JsonNode project = JSON.readTree("{\"id\":\"10000\",\"key\":\"ALPHA\",\"name\":\"Alpha\"}");
        JsonNode issue = JSON.readTree("""
                {"id":"20001","key":"ALPHA-1","fields":{"summary":"Fix","project":{"id":"10000"},
                 "issuetype":{"name":"Task"},"status":{"name":"New"},"priority":{"name":"Normal"},
                 "comment":{"startAt":0,"maxResults":2,"total":2,"comments":[
                   {"id":"501","author":{"displayName":"Ann"},"body":"first","created":"2025-03-04T10:11:12.000+0000"},
                   {"id":"502","author":{"displayName":"Ann"},"body":"second","created":"2025-03-04T10:11:12.000+0000"}]}}}
                """);
        JsonNode opProject = JSON.readTree("""
                {"identifier":"alpha","name":"Alpha","_links":{"self":{"href":"/api/v3/projects/3"}}}""");
        JsonNode workPackage = JSON.readTree("""
                {"subject":"Fix","customField1":"ALPHA-1","description":{"raw":""},
                 "_links":{"self":{"href":"%s"},"project":{"href":"/api/v3/projects/3"},"type":{"href":"/api/v3/types/1"},
                 "status":{"href":"/api/v3/statuses/1"},"priority":{"href":"/api/v3/priorities/8"}}}""".formatted(WORK_PACKAGE));
        return validator.validate(List.of(project), List.of(issue), List.of(opProject), List.of(workPackage), activities,
                Map.of(), Map.of());
    }

    private static JsonNode activity(String raw) {
        ObjectNode activity = JSON.createObjectNode();
        activity.putObject("comment").put("format", "markdown").put("raw", raw);
        activity.putObject("_links").putObject("workPackage").put("href", WORK_PACKAGE);
        return activity;
    }
}
