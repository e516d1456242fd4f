package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An issue's assignee, reporter, fix version, due date and estimates, and the memberships its people need. */
class WorkPackagePeopleAndPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OpenProjectCatalog CATALOG = Catalogs.withRoles(
            new CatalogEntry("Reader", "/api/v3/roles/5", false), Catalogs.MEMBER);

    private final MappingRules rules = new MappingRules(CATALOG, "customField1", MappingConfig.defaults());

    @Test
    void cloudIssueNamesItsPeopleFirstFixVersionAndPlanAndAwaitsBothMemberships() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10021","key":"CL-21","fields":{"summary":"Plan the release","project":{"id":"10000","key":"CL"},
                 "issuetype":{"name":"Task"},"status":{"name":"New"},"priority":{"name":"Normal"},
                 "assignee":{"accountId":"a-1","displayName":"Ann","emailAddress":"ann@example.com"},
                 "reporter":{"accountId":"r-2","displayName":"Rob"},
                 "fixVersions":[{"id":"10200","name":"1.0"},{"id":"10201","name":"1.1"}],
                 "duedate":"2025-03-31","timeoriginalestimate":5400,"timeestimate":1}}
                """);

        CommandDraft draft = rules.map(event(issue), issue).orElseThrow();

        assertThat(draft.body()).isEqualTo(JSON.readTree("""
                {"subject":"Plan the release","customField1":"CL-21","description":{"raw":""},
                 "dueDate":"2025-03-31","estimatedTime":"PT1.5H","remainingTime":"PT0.0003H",
                 "_links":{"project":{"href":"j2o:ref:project:10000"},"type":{"href":"/api/v3/types/1"},
                           "status":{"href":"/api/v3/statuses/1"},"priority":{"href":"/api/v3/priorities/8"},
                           "assignee":{"href":"j2o:ref:user:a-1"},"responsible":{"href":"j2o:ref:user:r-2"},
                           "version":{"href":"j2o:ref:version:10200"},"parent":{"href":null}},
                 "_j2o":{"awaits":["j2o:ref:membership:10000_a-1","j2o:ref:membership:10000_r-2"]}}
                """));
    }

    @Test
    void eachPersonOfAnIssueBecomesAMemberOfItsProjectWithTheConfiguredRole() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10022","key":"DC-22","fields":{"summary":"s","project":{"id":"10000"},
                 "assignee":{"key":"JIRAUSER1","name":"ann","displayName":"Ann"},
                 "reporter":{"key":"JIRAUSER1","name":"ann","displayName":"Ann"}}}
                """);
        MappingRules readers = new MappingRules(CATALOG, "customField1",
                new MappingConfig(Map.of(), MappingConfig.UnmatchedUsers.INVITE, null, Map.of(), "reader"));

        List<CommandDraft> memberships = readers.memberships(event(issue), issue);

        assertThat(memberships).hasSize(1);
        CommandDraft membership = memberships.get(0);
        assertThat(membership.kind()).isEqualTo(CommandKind.MEMBERSHIP);
        assertThat(membership.jiraId()).isEqualTo("10000_JIRAUSER1");
        assertThat(membership.body()).isEqualTo(JSON.readTree("""
                {"_links":{"project":{"href":"j2o:ref:project:10000"},"principal":{"href":"j2o:ref:user:JIRAUSER1"},
                           "roles":[{"href":"/api/v3/roles/5"}]},"_meta":{"sendNotification":false}}
                """));
        assertThat(readers.map(event(issue), issue).orElseThrow().body().at("/_j2o/awaits"))
                .isEqualTo(JSON.readTree("[\"j2o:ref:membership:10000_JIRAUSER1\"]"));
    }

    @Test
    void remainingEstimateAboveTheOriginalOneIsCappedAtWorkAsOpenProjectRequires() throws Exception {
        JsonNode overrun = JSON.readTree("""
                {"id":"10024","key":"CL-24","fields":{"summary":"s","project":{"id":"10000"},
                 "timeoriginalestimate":3600,"timeestimate":7200}}
                """);
        JsonNode unestimated = JSON.readTree("""
                {"id":"10025","key":"CL-25","fields":{"summary":"s","project":{"id":"10000"},"timeestimate":7200}}
                """);

        assertThat(rules.map(event(overrun), overrun).orElseThrow().body().path("remainingTime").asText()).isEqualTo("PT1H");
        assertThat(rules.map(event(unestimated), unestimated).orElseThrow().body().path("remainingTime").asText())
                .isEqualTo("PT2H");
    }

    @Test
    void unassignedIssueWithoutVersionClearsThoseLinksAndAwaitsNothing() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10023","key":"CL-23","fields":{"summary":"s","project":{"id":"10000"},"assignee":null,
                 "fixVersions":[],"duedate":null,"timeoriginalestimate":null}}
                """);

        JsonNode body = rules.map(event(issue), issue).orElseThrow().body();

        assertThat(body.at("/_links/assignee/href").isNull()).isTrue();
        assertThat(body.at("/_links/version/href").isNull()).isTrue();
        assertThat(body.path("dueDate").isNull()).isTrue();
        assertThat(body.path("estimatedTime").isNull()).isTrue();
        assertThat(body.has("_j2o")).isFalse();
        assertThat(rules.memberships(event(issue), issue)).isEmpty();
    }

    private static JiraEntityEvent event(JsonNode issue) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId(issue.path("id").asText())
                .setJiraKey(issue.path("key").asText()).setProjectKey("CL")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(issue.toString())
                .build();
    }
}
