package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.transformer.resolve.References;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the users watching a Jira issue ({@code fields.watches.watchers}, written there by the extractor) into
 * watchers of its work package. OpenProject lets only those who may view the work package watch it, so each watcher
 * becomes a member of the project first and the watcher command awaits that membership. A watcher has no id of its
 * own in either system: it is the pair (issue, user), {@code watcher:<issueId>_<userId>}.
 */
final class WatcherRule {

    /** {@code <jiraIssueId>_<jiraUserId>}: the watcher's command key is {@code watcher:} and this. */
    static String watcherId(String issueId, String userId) {
        return issueId + "_" + userId;
    }

    /**
     * The issue's watchers, each with its removal; empty when the payload does not list them (no {@code watches}
     * field, or an extractor that did not read the watchers), which says nothing about them. The list is complete
     * when it holds {@code watchCount} users.
     */
    Optional<IssueChildren> watchers(String issueId, String issueKey, JsonNode fields) {
        JsonNode watches = fields.path("watches");
        if (!watches.path("watchers").isArray()) {
            return Optional.empty();
        }
        String projectId = WorkPackageRule.projectId(fields, issueKey);
        List<IssueChildren.Child> children = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode watcher : watches.path("watchers")) {
            // A user Jira no longer names (anonymised) cannot be found in OpenProject: nothing to watch with.
            Optional<String> userId = JiraIds.user(watcher);
            if (userId.isPresent() && seen.add(userId.get())) {
                children.add(new IssueChildren.Child(upsert(issueId, issueKey, projectId, userId.get()),
                        removal(issueId, issueKey, userId.get())));
            }
        }
        boolean complete = watches.path("watchCount").asInt(0) <= watches.path("watchers").size();
        return Optional.of(new IssueChildren(CommandKind.WATCHER, issueKey, children, complete));
    }

    /** The Jira ids of the issue's watchers, who become members of its project to be allowed to watch. */
    static Set<String> watcherIds(JsonNode fields) {
        Set<String> ids = new LinkedHashSet<>();
        fields.path("watches").path("watchers").forEach(watcher -> JiraIds.user(watcher).ifPresent(ids::add));
        return ids;
    }

    private static CommandDraft upsert(String issueId, String issueKey, String projectId, String userId) {
        ObjectNode body = links(issueId, userId);
        MembershipRule.awaitMemberships(body, projectId, List.of(userId));
        return new CommandDraft(CommandKind.WATCHER, CommandAction.UPSERT, watcherId(issueId, userId), issueKey, body);
    }

    /** A removal names the pair like the upsert; it needs no membership. */
    private static CommandDraft removal(String issueId, String issueKey, String userId) {
        return new CommandDraft(CommandKind.WATCHER, CommandAction.DELETE, watcherId(issueId, userId), issueKey,
                links(issueId, userId));
    }

    private static ObjectNode links(String issueId, String userId) {
        ObjectNode body = WorkPackageChild.body(issueId);
        ((ObjectNode) body.get("_links")).putObject("user").put("href", References.placeholder(CommandKind.USER, userId));
        return body;
    }
}
