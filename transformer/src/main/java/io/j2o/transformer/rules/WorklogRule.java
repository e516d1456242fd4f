package io.j2o.transformer.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.markers.TextMarker;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.transformer.resolve.References;
import io.j2o.transformer.richtext.LinkedMarkdown;
import io.j2o.transformer.richtext.SoftReference;
import java.util.EnumSet;
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
    /** The longest an issue key resolved can read: {@code #} and OpenProject's largest id. */
    private static final String LONGEST_ID = "#" + Long.MAX_VALUE;

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
        fields.path("worklog").path("worklogs").forEach(worklog -> JiraIds.user(worklog.path("author")).ifPresent(ids::add));
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
        comment(body, body.putObject("comment"), header, id, worklog.path("comment"));
        // An author Jira no longer names (anonymised) leaves the user to OpenProject: the API user.
        JiraIds.user(worklog.path("author")).ifPresent(author -> {
            ((ObjectNode) body.path("_links")).putObject("user").put("href", References.placeholder(CommandKind.USER, author));
            MembershipRule.awaitMemberships(body, projectId, List.of(author));
        });
        return new CommandDraft(CommandKind.TIME_ENTRY, CommandAction.UPSERT, id, issueKey, body);
    }

    /**
     * The comment: issue keys in it become work package links once those are migrated ({@code #42} reads as one in
     * plain text too); mentions and attachments stay their plain fallback ({@code @Name}), never HTML. A text too long
     * to keep whole, even with every key resolved, is cut and keeps its keys as written.
     */
    private void comment(ObjectNode body, ObjectNode field, String header, String id, JsonNode comment) {
        int room = COMMENT_MAX - header.length() - TextMarker.WORKLOG.of(id).length() - 4;
        LinkedMarkdown linked = richText.linked(comment).keeping(EnumSet.of(SoftReference.Kind.ISSUE));
        String longest = LinkedMarkdown.render(linked.template(), linked.references().size(), index -> LONGEST_ID);
        if (linked.references().isEmpty() || longest.length() > room) {
            field.put("raw", WorkPackageChild.markedText(TextMarker.WORKLOG, header,
                    cut(linked.fallback(), room), id));
            return;
        }
        IssueText.plain().write(body, "/comment/raw",
                WorkPackageChild.markedText(TextMarker.WORKLOG, header, linked.template(), id), linked);
    }

    private static String cut(String text, int room) {
        return text.length() <= room ? text : text.substring(0, Math.max(0, room - 1)).stripTrailing() + "…";
    }
}
