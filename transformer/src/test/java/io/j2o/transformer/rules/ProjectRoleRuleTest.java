package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectRoleRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CatalogEntry PROJECT_ADMIN = new CatalogEntry("Project admin", "/api/v3/roles/3", false);
    private static final CatalogEntry DEVELOPERS = new CatalogEntry("developers", "/api/v3/roles/6", false);
    private static final OpenProjectCatalog CATALOG = Catalogs.withRoles(PROJECT_ADMIN, Catalogs.MEMBER, DEVELOPERS);

    private static final String CLOUD_DEVELOPERS = """
            {"self":"https://x.atlassian.net/rest/api/3/project/ALPHA/role/10001","name":"Developers","id":10001,
             "description":"A project role that represents developers in a project","actors":[
              {"id":10241,"displayName":"Mia Krystof","type":"atlassian-user-role-actor",
               "actorUser":{"accountId":"5b10a2844c20165700ede21g"}},
              {"id":10240,"displayName":"jira-developers","type":"atlassian-group-role-actor","name":"jira-developers",
               "actorGroup":{"displayName":"jira-developers","groupId":"952d12c3-5b5b-4d04-bb32-44d383afc4b2",
                "name":"jira-developers"}}]}""";

    @Test
    void cloudActorsBecomeMembershipsOfTheirGroupByIdAndOfTheirUserWithTheRoleOfTheSameName() throws Exception {
        List<CommandDraft> drafts = rule(MappingConfig.defaults()).memberships("10000_10001", "ALPHA", JSON.readTree(CLOUD_DEVELOPERS));

        assertThat(drafts).extracting(CommandDraft::kind).containsOnly(CommandKind.MEMBERSHIP);
        assertThat(drafts).extracting(CommandDraft::action).containsOnly(CommandAction.UPSERT);
        assertThat(drafts).extracting(CommandDraft::jiraKey).containsOnly("ALPHA Developers");
        assertThat(drafts).extracting(CommandDraft::jiraId).containsExactly(
                "10000_5b10a2844c20165700ede21g_role_10001",
                "10000_group_952d12c3-5b5b-4d04-bb32-44d383afc4b2_role_10001");
        assertThat(drafts.get(0).body()).isEqualTo(JSON.readTree("""
                {"_links":{"project":{"href":"j2o:ref:project:10000"},
                  "principal":{"href":"j2o:ref:user:5b10a2844c20165700ede21g"},
                  "roles":[{"href":"/api/v3/roles/6"}]},
                 "_meta":{"sendNotification":false}}"""));
        assertThat(drafts.get(1).body()).isEqualTo(JSON.readTree("""
                {"_links":{"project":{"href":"j2o:ref:project:10000"},
                  "principal":{"href":"j2o:ref:group:952d12c3-5b5b-4d04-bb32-44d383afc4b2"},
                  "roles":[{"href":"/api/v3/roles/6"}]},
                 "_meta":{"sendNotification":false}}"""));
    }

    @Test
    void dataCenterActorsNameTheirGroupByNameAndTheirUserByKey() throws Exception {
        List<CommandDraft> drafts = rule(MappingConfig.defaults()).memberships("10000_10002", "ALPHA", JSON.readTree("""
                {"self":"https://jira.example/rest/api/2/project/ALPHA/role/10002","name":"Administrators","id":10002,
                 "actors":[{"id":10300,"displayName":"Ann","type":"atlassian-user-role-actor","name":"JIRAUSER10101"},
                  {"id":10301,"displayName":"jira-administrators","type":"atlassian-group-role-actor",
                   "name":"jira-administrators"}]}"""));

        assertThat(drafts).extracting(CommandDraft::jiraId).containsExactly(
                "10000_JIRAUSER10101_role_10002", "10000_group_jira-administrators_role_10002");
        assertThat(drafts).extracting(draft -> draft.body().at("/_links/principal/href").asText())
                .containsExactly("j2o:ref:user:JIRAUSER10101", "j2o:ref:group:jira-administrators");
        assertThat(drafts).as("OpenProject has no 'Administrators': the member role")
                .extracting(draft -> draft.body().at("/_links/roles/0/href").asText()).containsOnly("/api/v3/roles/4");
    }

    @Test
    void configuredRoleWinsOverTheRoleOfTheSameNameWhateverTheCaseOfTheJiraName() throws Exception {
        MappingConfig config = MappingConfig.defaults().withRoles(Map.of("DEVELOPERS", "project ADMIN"));

        List<CommandDraft> drafts = rule(config).memberships("10000_10001", "ALPHA", JSON.readTree(CLOUD_DEVELOPERS));

        assertThat(drafts).extracting(draft -> draft.body().at("/_links/roles/0/href").asText()).containsOnly("/api/v3/roles/3");
    }

    @Test
    void sameActorsInAnotherOrderMakeTheSameCommandsAndARoleWithoutActorsNone() throws Exception {
        JsonNode role = JSON.readTree(CLOUD_DEVELOPERS);
        JsonNode reversed = role.deepCopy();
        var actors = (com.fasterxml.jackson.databind.node.ArrayNode) reversed.get("actors");
        JsonNode first = actors.remove(0);
        actors.add(first);

        assertThat(rule(MappingConfig.defaults()).memberships("10000_10001", "ALPHA", reversed))
                .isEqualTo(rule(MappingConfig.defaults()).memberships("10000_10001", "ALPHA", role));
        assertThat(rule(MappingConfig.defaults()).memberships("10000_10003", "ALPHA",
                JSON.readTree("{\"name\":\"Viewers\",\"id\":10003,\"actors\":[]}"))).isEmpty();
    }

    @Test
    void aConfiguredRoleOpenProjectDoesNotHaveIsRefusedAtStart() {
        MappingConfig config = MappingConfig.defaults().withRoles(Map.of("Administrators", "Owner"));

        assertThatThrownBy(() -> rule(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping.roles.administrators: OpenProject has no role 'Owner'");
    }

    @Test
    void aBlankConfiguredRoleIsAConfigurationMistake() {
        assertThatThrownBy(() -> MappingConfig.defaults().withRoles(Map.of("Viewers", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mapping.roles.viewers");
    }

    private static ProjectRoleRule rule(MappingConfig config) {
        return new ProjectRoleRule(CATALOG, config);
    }
}
