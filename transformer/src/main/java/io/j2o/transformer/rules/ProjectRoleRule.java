package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.resolve.References;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the actors of a Jira project role into OpenProject project memberships with the role it maps to: a user actor
 * makes the user a member, a group actor the group (OpenProject hands a group's memberships on to its users). Each
 * actor's command has its own key per role, apart from the memberships an issue's people get, so neither source
 * overwrites the other's command; the loader adds every command's roles to the one membership OpenProject keeps per
 * project and principal.
 */
final class ProjectRoleRule {

    static final String USER_ACTOR = "atlassian-user-role-actor";
    static final String GROUP_ACTOR = "atlassian-group-role-actor";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OpenProjectCatalog catalog;
    private final MappingConfig config;
    private final String memberRoleHref;

    /** @throws IllegalArgumentException when {@code mapping.roles} names a role OpenProject does not have */
    ProjectRoleRule(OpenProjectCatalog catalog, MappingConfig config) {
        this.catalog = catalog;
        this.config = config;
        this.memberRoleHref = catalog.roleHref(config.memberRole());
        List<String> missing = config.roles().entrySet().stream()
                .filter(entry -> catalog.roles().stream().noneMatch(role -> role.name().equalsIgnoreCase(entry.getValue())))
                .map(entry -> "mapping.roles." + entry.getKey() + ": OpenProject has no role '" + entry.getValue() + "'")
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", missing) + ", it has "
                    + catalog.roles().stream().map(CatalogEntry::name).toList());
        }
    }

    /** {@code <jiraProjectId>_<jiraUserId>_role_<jiraRoleId>}: a user actor's membership command id. */
    static String userMembershipId(String projectId, String userId, String roleId) {
        return projectId + "_" + userId + "_role_" + roleId;
    }

    /** {@code <jiraProjectId>_group_<groupId or name>_role_<jiraRoleId>}: a group actor's membership command id. */
    static String groupMembershipId(String projectId, String groupId, String roleId) {
        return projectId + "_group_" + groupId + "_role_" + roleId;
    }

    /**
     * One membership per actor of the role ({@code jiraId} is {@code <projectId>_<roleId>}), in a stable order;
     * none for a role without actors.
     */
    List<CommandDraft> memberships(String jiraId, String projectKey, JsonNode role) {
        int separator = jiraId.indexOf('_');
        if (separator <= 0) {
            throw new MappingException("project role " + jiraId + " is not named <projectId>_<roleId>");
        }
        String projectId = jiraId.substring(0, separator);
        String roleId = role.path("id").asText(jiraId.substring(separator + 1));
        String roleName = role.path("name").asText("").strip();
        String roleHref = roleHref(roleName);
        String jiraKey = (projectKey == null ? projectId : projectKey) + " " + roleName;
        // Sorted by command id: the same actors in another order make the same commands.
        Map<String, CommandDraft> drafts = new TreeMap<>();
        for (JsonNode actor : role.path("actors")) {
            String type = actor.path("type").asText("");
            if (GROUP_ACTOR.equals(type)) {
                String groupId = firstText(actor.path("actorGroup").path("groupId"), actor.path("actorGroup").path("name"),
                        actor.path("name"));
                if (!groupId.isEmpty()) {
                    String id = groupMembershipId(projectId, groupId, roleId);
                    drafts.put(id, draft(id, projectId, References.placeholder(CommandKind.GROUP, groupId), roleHref, jiraKey));
                }
            } else if (USER_ACTOR.equals(type)) {
                // Cloud names the user by accountId; Data Center's actor name is the user's key.
                String userId = firstText(actor.path("actorUser").path("accountId"), actor.path("name"));
                if (!userId.isEmpty()) {
                    String id = userMembershipId(projectId, userId, roleId);
                    drafts.put(id, draft(id, projectId, References.placeholder(CommandKind.USER, userId), roleHref, jiraKey));
                }
            }
        }
        return new ArrayList<>(drafts.values());
    }

    /** Configured for the Jira role's name, else OpenProject's role of that name, else {@code mapping.memberRole}. */
    private String roleHref(String jiraRoleName) {
        return config.roleFor(jiraRoleName).map(catalog::roleHref)
                .or(() -> catalog.roles().stream().filter(role -> role.name().equalsIgnoreCase(jiraRoleName))
                        .findFirst().map(CatalogEntry::href))
                .orElse(memberRoleHref);
    }

    private static CommandDraft draft(String id, String projectId, String principalHref, String roleHref, String jiraKey) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode links = body.putObject("_links");
        links.putObject("project").put("href", References.placeholder(CommandKind.PROJECT, projectId));
        links.putObject("principal").put("href", principalHref);
        links.putArray("roles").addObject().put("href", roleHref);
        body.putObject("_meta").put("sendNotification", false);
        return new CommandDraft(CommandKind.MEMBERSHIP, CommandAction.UPSERT, id, jiraKey, body);
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            String value = candidate.asText("").strip();
            if (!value.isEmpty()) {
                return value;
            }
        }
        return "";
    }
}
