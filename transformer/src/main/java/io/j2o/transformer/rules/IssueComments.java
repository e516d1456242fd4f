package io.j2o.transformer.rules;

import java.util.List;

/**
 * The comments one issue payload lists, as commands for its work package.
 *
 * @param complete whether the payload listed every comment ({@code total} not above the number returned); only a
 *                 complete list tells that a comment it lacks was removed from Jira
 */
public record IssueComments(String issueId, String issueKey, List<CommandDraft> upserts, boolean complete) {

    public IssueComments {
        upserts = List.copyOf(upserts);
    }

    /** The Jira ids of the listed comments, in payload order. */
    public List<String> commentIds() {
        return upserts.stream().map(CommandDraft::jiraId).toList();
    }

    /** The command for a comment of this issue that Jira no longer lists. */
    public CommandDraft removal(String commentId) {
        return CommentRule.deletion(issueId, issueKey, commentId);
    }
}
