package io.j2o.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JiraIdsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void userIsTheCloudAccountIdElseTheDataCenterKeyElseTheName() throws Exception {
        assertThat(JiraIds.user(json("{\"accountId\":\"a1\",\"displayName\":\"A\"}"))).contains("a1");
        assertThat(JiraIds.user(json("{\"key\":\"JIRAUSER1\",\"name\":\"ann\"}"))).contains("JIRAUSER1");
        assertThat(JiraIds.user(json("{\"name\":\"ann\"}"))).contains("ann");
        assertThat(JiraIds.user(json("null"))).isEmpty();
    }

    @Test
    void groupIsTheCloudGroupIdElseTheDataCenterName() throws Exception {
        assertThat(JiraIds.group(json("{\"groupId\":\"5b10\",\"name\":\"jira-developers\"}"))).isEqualTo("5b10");
        assertThat(JiraIds.group(json("{\"name\":\"jira-developers\"}"))).isEqualTo("jira-developers");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
