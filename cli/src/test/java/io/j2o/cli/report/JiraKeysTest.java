package io.j2o.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JiraKeysTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void commandKeysOfEveryKindReadAsPeopleNameTheEntity() throws Exception {
        JsonNode project = JSON.readTree("{\"id\":\"10000\",\"key\":\"ALPHA\"}");
        JsonNode user = JSON.readTree("{\"accountId\":\"acc-ann\",\"emailAddress\":\"ann@example.com\",\"displayName\":\"Ann\"}");
        JsonNode version = JSON.readTree("{\"id\":\"10100\",\"name\":\"1.2\",\"projectId\":\"10000\"}");
        JsonNode issue = JSON.readTree("""
                {"id":"20004","key":"ALPHA-4","fields":{
                 "worklog":{"worklogs":[{"id":"200061"}]},
                 "comment":{"comments":[{"id":"501"}]},
                 "issuelinks":[{"id":"900","type":{"name":"Blocks","outward":"blocks"},"outwardIssue":{"id":"20009","key":"ALPHA-9"}},
                               {"id":"901","type":{"name":"Blocks","outward":"blocks"},"inwardIssue":{"id":"20001","key":"ALPHA-1"}}]}}""");

        JiraKeys keys = new JiraKeys(List.of(project), List.of(issue), List.of(user), List.of(version));

        assertThat(keys.of("work_package:20004")).isEqualTo("ALPHA-4");
        assertThat(keys.of("project:10000")).isEqualTo("ALPHA");
        assertThat(keys.of("user:acc-ann")).isEqualTo("user ann@example.com");
        assertThat(keys.of("version:10100")).isEqualTo("version ALPHA 1.2");
        assertThat(keys.of("time_entry:200061")).isEqualTo("worklog 200061 on ALPHA-4");
        assertThat(keys.of("comment:501")).isEqualTo("comment 501 on ALPHA-4");
        assertThat(keys.of("relation:900")).isEqualTo("relation ALPHA-4 blocks ALPHA-9");
        assertThat(keys.of("membership:10000_acc-ann")).isEqualTo("membership of ann@example.com in ALPHA");
        assertThat(keys.of("relation:901")).as("named by the issue it goes out from").isEqualTo("relation:901");
        assertThat(keys.of("time_entry:999")).as("unknown to Jira").isEqualTo("time_entry:999");
    }

    @Test
    void projectRoleMembershipsReadAsTheOneMembershipOfTheirUserOrGroup() throws Exception {
        JsonNode project = JSON.readTree("{\"id\":\"10000\",\"key\":\"ALPHA\"}");
        JsonNode user = JSON.readTree("{\"accountId\":\"acc-ann\",\"emailAddress\":\"ann@example.com\",\"displayName\":\"Ann\"}");
        JsonNode group = JSON.readTree("{\"groupId\":\"g-1\",\"name\":\"alpha-developers\"}");
        JsonNode role = JSON.readTree("""
                {"self":"https://x.atlassian.net/rest/api/3/project/ALPHA/role/10001","name":"Developers","id":10001}""");

        JiraKeys keys = new JiraKeys(new JiraState(List.of(project), List.of(), List.of(user), List.of(), List.of(group),
                List.of(role)));

        assertThat(keys.of("membership:10000_acc-ann_role_10001")).isEqualTo("membership of ann@example.com in ALPHA");
        assertThat(keys.of("membership:10000_group_g-1_role_10001")).isEqualTo("membership of group alpha-developers in ALPHA");
        assertThat(keys.of("project_role:10000_10001")).isEqualTo("role Developers of ALPHA");
    }
}
