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
import org.junit.jupiter.api.Test;

/** Sprints become versions of the issue's project, from Cloud sprint objects and Data Center GreenHopper strings. */
class SprintRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As DevLake captured it from Jira Cloud. */
    private static final String CLOUD = """
            "customfield_10020":[{"id":175,"name":"K5 Sprint 1","state":"active","boardId":92,"goal":"",
             "startDate":"2022-07-15T22:35:25.617Z","endDate":"2022-07-29T22:35:00.000Z"}],""";
    /** As the mattermost plugin captured it from Jira Server: a closed sprint, then an active one. */
    private static final String LEGACY = """
            "customfield_10104":["com.atlassian.greenhopper.service.sprint.Sprint@1a2b[id=1,rapidViewId=2,state=CLOSED,name=Sprint 1, the first,startDate=2018-04-25T23:59:30.147Z,endDate=2018-05-08T06:59:30.147Z,completeDate=2018-05-08T07:00:00.000Z,sequence=1,goal=Ship it, finally]",
             "com.atlassian.greenhopper.service.sprint.Sprint@a88a698[id=2,rapidViewId=1,state=ACTIVE,name=Sample Sprint 2,startDate=2018-05-09T06:39:30.147Z,endDate=2018-05-23T06:59:30.147Z,completeDate=<null>,sequence=1,goal=<null>]"],""";

    private final MappingRules rules = rules(MappingConfig.defaults());

    @Test
    void cloudSprintObjectBecomesAnOpenVersionOfTheIssuesProjectAndTheWorkPackagesVersion() throws Exception {
        JsonNode issue = issue(CLOUD);

        List<CommandDraft> versions = rules.sprintVersions(event(issue), issue);

        assertThat(versions).hasSize(1);
        CommandDraft version = versions.get(0);
        assertThat(version.kind()).isEqualTo(CommandKind.VERSION);
        assertThat(version.jiraId()).isEqualTo("sprint-175");
        assertThat(version.body().toString()).isEqualTo("""
                {"name":"K5 Sprint 1","description":{"raw":"_Sprint in Jira_"},"startDate":"2022-07-15",\
                "endDate":"2022-07-29","status":"open","sharing":"none",\
                "_links":{"definingProject":{"href":"j2o:ref:project:10000"}}}""");
        assertThat(workPackageVersion(issue)).isEqualTo("j2o:ref:version:sprint-175");
    }

    @Test
    void legacyStringsAreParsedWithCommasInNamesAndGoalsAndTheLatestSprintHoldsTheWorkPackage() throws Exception {
        JsonNode issue = issue(LEGACY);

        List<CommandDraft> versions = rules.sprintVersions(event(issue), issue);

        assertThat(versions).extracting(CommandDraft::jiraId).containsExactly("sprint-1", "sprint-2");
        assertThat(versions.get(0).body().path("name").asText()).isEqualTo("Sprint 1, the first");
        assertThat(versions.get(0).body().at("/description/raw").asText()).isEqualTo("_Sprint in Jira_\n\nShip it, finally");
        assertThat(versions.get(0).body().path("startDate").asText()).isEqualTo("2018-04-25");
        assertThat(versions.get(1).body().at("/description/raw").asText()).isEqualTo("_Sprint in Jira_");
        assertThat(workPackageVersion(issue)).isEqualTo("j2o:ref:version:sprint-2");
    }

    @Test
    void malformedSprintValuesAreLeftOutWithoutFailingTheIssue() throws Exception {
        JsonNode issue = issue("""
                "names":{"customfield_10104":"Sprint"},
                "customfield_10104":["com.atlassian.greenhopper.service.sprint.Sprint@1[id=x,name=Broken",
                 "com.atlassian.greenhopper.service.sprint.Sprint@2[rapidViewId=1,name=No id]",
                 "com.atlassian.greenhopper.service.sprint.Sprint@3[id=9,name=Dates bad,startDate=yesterday]",
                 "garbage", 17, {"id":"also","name":"bad","state":"x"}],""");

        List<CommandDraft> versions = rules.sprintVersions(event(issue), issue);

        assertThat(versions).extracting(CommandDraft::jiraId).containsExactly("sprint-9");
        assertThat(versions.get(0).body().path("startDate").isNull()).isTrue();
    }

    @Test
    void fixVersionWinsOverTheSprint() throws Exception {
        JsonNode issue = issue(CLOUD + "\"fixVersions\":[{\"id\":\"10100\",\"name\":\"1.0\"}],");

        assertThat(workPackageVersion(issue)).isEqualTo("j2o:ref:version:10100");
    }

    @Test
    void ignoredSprintsMakeNoVersionAndLeaveTheWorkPackageWithout() throws Exception {
        MappingRules ignoring = rules(MappingConfig.defaults().withSprints(MappingConfig.Sprints.IGNORE));
        JsonNode issue = issue(CLOUD);

        assertThat(ignoring.sprintVersions(event(issue), issue)).isEmpty();
        assertThat(ignoring.map(event(issue), issue).orElseThrow().body().at("/_links/version/href").isNull()).isTrue();
    }

    @Test
    void arraysOfOtherObjectsAreNoSprints() throws Exception {
        JsonNode issue = issue("\"customfield_10030\":[{\"id\":\"1\",\"value\":\"red\"}],");

        assertThat(rules.sprintVersions(event(issue), issue)).isEmpty();
    }

    private String workPackageVersion(JsonNode issue) {
        return rules.map(event(issue), issue).orElseThrow().body().at("/_links/version/href").asText();
    }

    private static MappingRules rules(MappingConfig config) {
        return new MappingRules(Catalogs.withRoles(Catalogs.MEMBER), "customField1", config);
    }

    /** {@code extra} holds fields of the issue (each ending with a comma), or a {@code names} object first. */
    private static JsonNode issue(String extra) throws Exception {
        String names = extra.startsWith("\"names\"") ? extra.substring(0, extra.indexOf("},") + 2) : "";
        String fields = extra.substring(names.length());
        return JSON.readTree("{\"id\":\"10001\",\"key\":\"K5-1\"," + names + "\"fields\":{" + fields
                + "\"summary\":\"s\",\"project\":{\"id\":\"10000\"}}}");
    }

    private static JiraEntityEvent event(JsonNode issue) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId("10001").setJiraKey("K5-1").setProjectKey("K5")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.EPOCH)
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(issue.toString()).build();
    }
}
