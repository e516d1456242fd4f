package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import org.junit.jupiter.api.Test;

class GroupRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GroupRule rule = new GroupRule();

    @Test
    void cloudGroupBecomesAGroupOfItsPeopleSortedByJiraIdWithoutItsAppAccounts() throws Exception {
        CommandDraft draft = rule.group("5b10ac8d82e05b22cc7d4ef5", JSON.readTree("""
                {"groupId":"5b10ac8d82e05b22cc7d4ef5","name":"jira-developers","users":[
                 {"accountId":"712020:bb","displayName":"Bo","emailAddress":"bo@example.com","active":true,"accountType":"atlassian"},
                 {"accountId":"557058:automation","displayName":"Automation for Jira","active":true,"accountType":"app"},
                 {"accountId":"712020:aa","displayName":"Ann","active":false,"accountType":"atlassian"}]}"""));

        assertThat(draft.kind()).isEqualTo(CommandKind.GROUP);
        assertThat(draft.action()).isEqualTo(CommandAction.UPSERT);
        assertThat(draft.jiraId()).isEqualTo("5b10ac8d82e05b22cc7d4ef5");
        assertThat(draft.jiraKey()).isEqualTo("jira-developers");
        assertThat(draft.body()).isEqualTo(JSON.readTree("""
                {"name":"jira-developers","_links":{"members":[
                 {"href":"j2o:ref:user:712020:aa"},{"href":"j2o:ref:user:712020:bb"}]}}"""));
    }

    @Test
    void dataCenterGroupNamesItsMembersByKeyAndTheSameMembersInAnotherOrderMakeTheSameBody() throws Exception {
        CommandDraft listed = rule.group("jira-admins", JSON.readTree("""
                {"name":"jira-admins","users":[{"key":"JIRAUSER2","name":"bo"},{"key":"JIRAUSER1","name":"ann"}]}"""));
        CommandDraft reordered = rule.group("jira-admins", JSON.readTree("""
                {"name":"jira-admins","users":[{"key":"JIRAUSER1","name":"ann"},{"key":"JIRAUSER2","name":"bo"}]}"""));

        assertThat(listed.body()).isEqualTo(JSON.readTree("""
                {"name":"jira-admins","_links":{"members":[
                 {"href":"j2o:ref:user:JIRAUSER1"},{"href":"j2o:ref:user:JIRAUSER2"}]}}"""));
        assertThat(reordered.body()).isEqualTo(listed.body());
    }

    @Test
    void emptyGroupStillBecomesAGroupWithoutMembers() throws Exception {
        CommandDraft draft = rule.group("g1", JSON.readTree("{\"groupId\":\"g1\",\"name\":\"nobody-yet\",\"users\":[]}"));

        assertThat(draft.body()).isEqualTo(JSON.readTree("{\"name\":\"nobody-yet\",\"_links\":{\"members\":[]}}"));
    }

    @Test
    void groupWithoutANameCannotBeMapped() throws Exception {
        assertThatThrownBy(() -> rule.group("g2", JSON.readTree("{\"groupId\":\"g2\",\"users\":[]}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("g2");
    }
}
