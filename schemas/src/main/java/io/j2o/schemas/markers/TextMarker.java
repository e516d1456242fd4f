package io.j2o.schemas.markers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark a migrated text carries in OpenProject so the loader can find it again where OpenProject has no field
 * for a foreign id (comments, time entries): the Jira id travels in the text as an HTML comment on the last line,
 * which Markdown keeps in the raw text and never shows when rendered.
 */
public final class TextMarker {

    /** Marks a comment by its Jira comment id. */
    public static final TextMarker COMMENT = new TextMarker("comment");
    /** Marks a time entry by its Jira worklog id. */
    public static final TextMarker WORKLOG = new TextMarker("worklog");

    private final String kind;
    // Anchored at the end: a user who typed a marker into a Jira text cannot fake one, ours always comes last.
    private final Pattern trailing;

    private TextMarker(String kind) {
        this.kind = kind;
        this.trailing = Pattern.compile("<!-- j2o:" + kind + ":([A-Za-z0-9_-]+) -->\\s*\\z");
    }

    /** The marker line for Jira id {@code jiraId}. */
    public String of(String jiraId) {
        if (!jiraId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a Jira " + kind + " id is letters, digits, '_' and '-', was '" + jiraId + "'");
        }
        return "<!-- j2o:" + kind + ":" + jiraId + " -->";
    }

    /** {@code text} followed by the marker, separated by a blank line so the marker stays a block of its own. */
    public String append(String text, String jiraId) {
        return text.stripTrailing() + "\n\n" + of(jiraId);
    }

    /** The Jira id marked at the end of {@code raw}, if it carries this kind of marker. */
    public Optional<String> idIn(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher matcher = trailing.matcher(raw);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
