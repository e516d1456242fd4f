package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.transformer.resolve.References;
import java.util.Collection;

/**
 * Makes a Jira user a member of an OpenProject project: OpenProject only accepts assignees and responsibles who are
 * members of the work package's project, and logs time only for members allowed to log time there. Every issue emits the memberships its people need; the checksum store
 * drops the repeats, as each (project, user) pair always yields the same command.
 */
final class MembershipRule {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String roleHref;

    MembershipRule(String roleHref) {
        this.roleHref = roleHref;
    }

    /** {@code <jiraProjectId>_<jiraUserId>}: the membership's command key is {@code membership:} and this. */
    static String membershipId(String projectId, String userId) {
        return projectId + "_" + userId;
    }

    /**
     * Makes {@code body} wait, through {@code _j2o.awaits}, until these users are members of the project; nothing
     * is added when there are none.
     */
    static void awaitMemberships(ObjectNode body, String projectId, Collection<String> userIds) {
        if (!userIds.isEmpty()) {
            ArrayNode awaits = WorkPackageRule.transformerSection(body).putArray("awaits");
            userIds.forEach(userId -> awaits.add(References.placeholder(CommandKind.MEMBERSHIP, membershipId(projectId, userId))));
        }
    }

    CommandDraft membership(String projectId, String userId, String issueKey) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode links = body.putObject("_links");
        links.putObject("project").put("href", References.placeholder(CommandKind.PROJECT, projectId));
        links.putObject("principal").put("href", References.placeholder(CommandKind.USER, userId));
        links.putArray("roles").addObject().put("href", roleHref);
        // A migration adds people to projects by the hundred; OpenProject would mail each of them every time.
        body.putObject("_meta").put("sendNotification", false);
        return new CommandDraft(CommandKind.MEMBERSHIP, CommandAction.UPSERT, membershipId(projectId, userId), issueKey, body);
    }
}
