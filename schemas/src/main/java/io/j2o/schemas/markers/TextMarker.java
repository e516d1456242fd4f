package io.j2o.schemas.markers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark a migrated text carries in OpenProject so the loader can find it again where OpenProject has no field
 * for a foreign id (comments, time entries, attachments): the Jira id travels in the text, on its last line. In
 * Markdown (comments) it is an HTML comment, kept in the raw text and never shown; a time entry's comment and an
 * attachment's description are plain text, which shows everything, so there it is a short bracketed tag.
 */
public final class TextMarker {

    /** Marks a comment (Markdown) by its Jira comment id. */
    public static final TextMarker COMMENT = new TextMarker("comment", "<!-- ", " -->");
    /** Marks a time entry (plain text) by its Jira worklog id. */
    public static final TextMarker WORKLOG = new TextMarker("worklog", "[", "]");
    /**
     * Marks an attachment (plain-text description) by its Jira attachment id: two files of one issue may share name
     * and size, their ids tell them apart.
     */
    public static final TextMarker ATTACHMENT = new TextMarker("attachment", "[", "]");

    private final String kind;
    private final String opening;
    private final String closing;
    // Anchored at the end: a user who typed a marker into a Jira text cannot fake one, ours always comes last.
    private final Pattern trailing;

    private TextMarker(String kind, String opening, String closing) {
        this.kind = kind;
        this.opening = opening;
        this.closing = closing;
        this.trailing = Pattern.compile(Pattern.quote(opening + "j2o:" + kind + ":") + "([A-Za-z0-9_-]+)"
                + Pattern.quote(closing) + "\\s*\\z");
    }

    /** The marker line for Jira id {@code jiraId}. */
    public String of(String jiraId) {
        if (!jiraId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a Jira " + kind + " id is letters, digits, '_' and '-', was '" + jiraId + "'");
        }
        return opening + "j2o:" + kind + ":" + jiraId + closing;
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
