package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLOUD_ID = "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077";

    private final UserRule invite = new UserRule(MappingConfig.defaults());
    private final UserRule inviteWithFallback = new UserRule(
            new MappingConfig(Map.of(), MappingConfig.UnmatchedUsers.INVITE, "migration-bot", Map.of(), "Member"));

    @Test
    void cloudUserWithAnEmailIsInvitedWithTheEmailAsLogin() throws Exception {
        CommandDraft draft = invite.user(CLOUD_ID, json("""
                {"accountId":"%s","accountType":"atlassian","displayName":"Ann van Dyke",
                 "emailAddress":"ann@example.com","active":true}""".formatted(CLOUD_ID)));

        assertThat(draft.kind()).isEqualTo(CommandKind.USER);
        assertThat(draft.action()).isEqualTo(CommandAction.UPSERT);
        assertThat(draft.jiraId()).isEqualTo(CLOUD_ID);
        assertThat(draft.body()).isEqualTo(json("""
                {"login":"ann@example.com","email":"ann@example.com","firstName":"Ann","lastName":"van Dyke",
                 "status":"invited"}"""));
    }

    @Test
    void inactiveDataCenterUserWithASingleWordNameIsInvitedWithThatWordAsBothNames() throws Exception {
        CommandDraft draft = invite.user("JIRAUSER10100", json("""
                {"key":"JIRAUSER10100","name":"admin","displayName":"admin","emailAddress":"admin@corp.example",
                 "active":false}"""));

        assertThat(draft.body()).isEqualTo(json("""
                {"login":"admin@corp.example","email":"admin@corp.example","firstName":"admin","lastName":"admin",
                 "status":"invited","_j2o":{"userName":"admin"}}"""));
    }

    @Test
    void dataCenterUserCarriesItsUsernameSoItsMappingAlsoNamesItByThatAndARenameChangesTheCommand() throws Exception {
        String payload = """
                {"key":"JIRAUSER10100","name":"%s","displayName":"Jane Doe","emailAddress":"jane@corp.example"}""";
        CommandDraft draft = invite.user("JIRAUSER10100", json(payload.formatted("jdoe")));
        CommandDraft renamed = invite.user("JIRAUSER10100", json(payload.formatted("jane.doe")));

        assertThat(draft.jiraKey()).isEqualTo("~jdoe");
        assertThat(draft.body().at("/_j2o/userName").asText()).isEqualTo("jdoe");
        assertThat(renamed.body()).as("the user is written again, its mapping with the new name")
                .isNotEqualTo(draft.body());
        assertThat((JsonNode) renamed.body().deepCopy().without("_j2o")).isEqualTo(draft.body().deepCopy().without("_j2o"));
    }

    @Test
    void cloudUserKeepsItsDisplayNameAsJiraKeyAndNoTransformerSection() throws Exception {
        CommandDraft draft = invite.user(CLOUD_ID, json("""
                {"accountId":"%s","name":"legacy","displayName":"Ann Lee","emailAddress":"ann@example.com"}"""
                .formatted(CLOUD_ID)));

        assertThat(draft.jiraKey()).isEqualTo("Ann Lee");
        assertThat(draft.body().has("_j2o")).isFalse();
    }

    @Test
    void cloudUserHidingTheEmailIsInvitedUnderAPlaceholderAddressNoMailReaches() throws Exception {
        CommandDraft draft = invite.user(CLOUD_ID, json("""
                {"accountId":"%s","accountType":"atlassian","displayName":"Bo Lee","active":true}""".formatted(CLOUD_ID)));

        assertThat(draft.body()).isEqualTo(json("""
                {"login":"jira-557058-f58131cb-b67d-43c7-b30d-6b58d40bd077",
                 "email":"557058-f58131cb-b67d-43c7-b30d-6b58d40bd077@jira.invalid",
                 "firstName":"Bo","lastName":"Lee","status":"invited"}"""));
    }

    @Test
    void appAccountIsNeverInvitedByItsEmailAndGoesToTheFallbackWhenOneIsConfigured() throws Exception {
        JsonNode app = json("""
                {"accountId":"5d9f2e","accountType":"app","displayName":"Automation for Jira",
                 "emailAddress":"automation@connect.atlassian.com","active":true}""");

        assertThat(invite.user("5d9f2e", app).body()).isEqualTo(json("""
                {"login":"jira-5d9f2e","email":"5d9f2e@jira.invalid","firstName":"Automation",
                 "lastName":"for Jira","status":"invited"}"""));
        assertThat(inviteWithFallback.user("5d9f2e", app).body()).isEqualTo(json("""
                {"login":"migration-bot"}"""));
    }

    @Test
    void deletedFormerUserGoesToTheFallbackWhileAReachableUserIsStillInvited() throws Exception {
        JsonNode former = json("""
                {"accountId":"qm:a1b2","accountType":"atlassian","displayName":"Former user","active":false}""");
        JsonNode reachable = json("""
                {"accountId":"c3","displayName":"Cy","emailAddress":"cy@example.com","active":true}""");

        assertThat(inviteWithFallback.user("qm:a1b2", former).body()).isEqualTo(json("""
                {"login":"migration-bot"}"""));
        assertThat(inviteWithFallback.user("c3", reachable).body().path("status").asText()).isEqualTo("invited");
    }

    @Test
    void valuesLongerThanOpenProjectAcceptsAreShortenedOrReplacedDeterministically() throws Exception {
        String longId = "x".repeat(50);
        CommandDraft draft = invite.user(longId, json("""
                {"key":"%s","displayName":"Maximiliane-Alexandrina Wolfeschlegelsteinhausen-Bergerdorff",
                 "emailAddress":"maximiliane.alexandrina.wolfeschlegelsteinhausen@example.org.uk"}""".formatted(longId)));

        assertThat(draft.body().path("login").asText()).isEqualTo("jira-" + longId);
        assertThat(draft.body().path("email").asText()).as("a real email over 60 characters is not used")
                .matches("jira-[0-9a-f]{32}@jira\\.invalid");
        assertThat(draft.body().path("firstName").asText()).isEqualTo("Maximiliane-Alexandrina");
        assertThat(draft.body().path("lastName").asText()).isEqualTo("Wolfeschlegelsteinhausen-Berge");
        assertThat(invite.user(longId, json("{\"key\":\"" + longId + "\"}")).body().path("email"))
                .as("same id, same address").isEqualTo(draft.body().path("email"));
    }

    @Test
    void overrideByIdOrByEmailInAnyCaseNamesAnExistingUserByLoginOnly() throws Exception {
        UserRule rule = new UserRule(new MappingConfig(Map.of("JIRAUSER1", "ann.op", "Bo@Example.com", "bo.op"),
                MappingConfig.UnmatchedUsers.INVITE, null, Map.of(), "Member"));

        assertThat(rule.user("JIRAUSER1", json("""
                {"key":"JIRAUSER1","displayName":"Ann","emailAddress":"ann@example.com"}""")).body())
                .isEqualTo(json("{\"login\":\"ann.op\"}"));
        assertThat(rule.user("JIRAUSER2", json("""
                {"key":"JIRAUSER2","displayName":"Bo","emailAddress":"bo@example.COM"}""")).body())
                .isEqualTo(json("{\"login\":\"bo.op\"}"));
    }

    @Test
    void unmatchedFallbackMapsEveryoneWithoutAnOverrideToTheFallbackLogin() throws Exception {
        UserRule rule = new UserRule(new MappingConfig(Map.of("c3", "cy.op"), MappingConfig.UnmatchedUsers.FALLBACK,
                "jira-import", Map.of(), "Member"));

        assertThat(rule.user("c4", json("""
                {"accountId":"c4","displayName":"Di","emailAddress":"di@example.com"}""")).body())
                .isEqualTo(json("{\"login\":\"jira-import\"}"));
        assertThat(rule.user("c3", json("""
                {"accountId":"c3","displayName":"Cy","emailAddress":"cy@example.com"}""")).body())
                .isEqualTo(json("{\"login\":\"cy.op\"}"));
    }


    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
