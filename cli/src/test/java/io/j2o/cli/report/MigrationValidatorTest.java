package io.j2o.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.transformer.rules.CatalogEntry;
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
            List.of(new CatalogEntry("Normal", "/api/v3/priorities/8", true)), Map.of()), "customField1"), "customField1");

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
