package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.transformer.resolve.References;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the worklogs embedded in a Jira issue ({@code fields.worklog}) into time entries on its work package, logged
 * for the worklog's author once they are a member of the project. The day is the one the author saw: the date of
 * {@code started} in its own offset. The comment starts with who logged the work in Jira and when (OpenProject dates
 * the entry "now") and ends with the {@link TextMarker#WORKLOG} marker the loader finds the entry by. A time entry's
 * comment is plain text, so the header carries no Markdown, and it is cut to {@link #COMMENT_MAX} characters, the
 * marker kept (OpenProject, like Redmine before it, bounds the column; the whole text stays in Jira).
 */
final class WorklogRule {

    static final int COMMENT_MAX = 1000;

    private final RichTextField richText;

    WorklogRule(RichTextField richText) {
        this.richText = richText;
    }

    Optional<IssueChildren> timeEntries(String issueId, String issueKey, JsonNode fields) {
        if (!fields.path("worklog").isObject()) {
            return Optional.empty();
        }
        String projectId = WorkPackageRule.projectId(fields, issueKey);
        return WorkPackageChild.listed(CommandKind.TIME_ENTRY, TextMarker.WORKLOG, issueId, issueKey, fields, "worklog",
                "worklogs", (id, worklog) -> upsert(issueId, issueKey, projectId, id, worklog));
    }

    /** The Jira ids of the worklogs' authors, who become members of the issue's project to have time logged. */
    static Set<String> authorIds(JsonNode fields) {
        Set<String> ids = new LinkedHashSet<>();
        fields.path("worklog").path("worklogs").forEach(worklog -> UserRule.idOf(worklog.path("author")).ifPresent(ids::add));
        return ids;
    }

    private CommandDraft upsert(String issueId, String issueKey, String projectId, String id, JsonNode worklog) {
        JsonNode seconds = worklog.path("timeSpentSeconds");
        String started = worklog.path("started").asText("");
        String spentOn = JiraAttribution.parse(started)
                .orElseThrow(() -> new MappingException("issue " + issueKey + " has worklog " + id
                        + " with an unreadable started time: '" + started + "'"))
                .toLocalDate().toString();
        if (!seconds.isIntegralNumber()) {
            throw new MappingException("issue " + issueKey + " has worklog " + id + " without timeSpentSeconds");
        }
        String created = JiraAttribution.time(worklog.path("created").asText(""));
        String header = "Originally logged by " + JiraAttribution.name(worklog.path("author"))
                + (created.isEmpty() ? "" : " on " + created) + " in Jira";
        ObjectNode body = WorkPackageChild.body(issueId)
                .put("hours", IsoHours.ofSeconds(seconds.asLong()))
                .put("spentOn", spentOn);
        body.putObject("comment").put("raw",
                WorkPackageChild.markedText(TextMarker.WORKLOG, header, cut(richText.markdown(worklog.path("comment")),
                        COMMENT_MAX - header.length() - TextMarker.WORKLOG.of(id).length() - 4), id));
        // An author Jira no longer names (anonymised) leaves the user to OpenProject: the API user.
        UserRule.idOf(worklog.path("author")).ifPresent(author -> {
            ((ObjectNode) body.path("_links")).putObject("user").put("href", References.placeholder(CommandKind.USER, author));
            MembershipRule.awaitMemberships(body, projectId, List.of(author));
        });
        return new CommandDraft(CommandKind.TIME_ENTRY, CommandAction.UPSERT, id, issueKey, body);
    }

    private static String cut(String text, int room) {
        return text.length() <= room ? text : text.substring(0, Math.max(0, room - 1)).stripTrailing() + "…";
    }
}
