package io.j2o.schemas.markers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark a migrated comment carries in its OpenProject text so the loader can find it again: OpenProject sets a
 * comment's author and time itself and has no field for a foreign id, so the Jira comment id travels in the text,
 * as an HTML comment on the last line, which Markdown keeps in the raw text and never shows when rendered.
 */
public final class CommentMarker {

    /** What a comment removed from Jira is turned into: OpenProject's API v3 cannot delete a comment. */
    public static final String TOMBSTONE = "_(deleted in Jira)_";

    // Anchored at the end: a user who typed a marker into a Jira comment cannot fake one, ours always comes last.
    private static final Pattern TRAILING = Pattern.compile("<!-- j2o:comment:([A-Za-z0-9_-]+) -->\\s*\\z");

    private CommentMarker() {
    }

    /** The marker line for Jira comment {@code jiraCommentId}. */
    public static String of(String jiraCommentId) {
        if (!jiraCommentId.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a Jira comment id is letters, digits, '_' and '-', was '" + jiraCommentId + "'");
        }
        return "<!-- j2o:comment:" + jiraCommentId + " -->";
    }

    /** {@code text} followed by the marker, separated by a blank line so the marker stays a block of its own. */
    public static String append(String text, String jiraCommentId) {
        return text.stripTrailing() + "\n\n" + of(jiraCommentId);
    }

    /** The Jira comment id marked at the end of {@code raw}, if it carries a marker. */
    public static Optional<String> idIn(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        Matcher matcher = TRAILING.matcher(raw);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The text a removed comment keeps: visibly deleted, still marked so it is found and not recreated. */
    public static String tombstone(String jiraCommentId) {
        return append(TOMBSTONE, jiraCommentId);
    }

    public static boolean isTombstone(String raw) {
        return raw != null && raw.startsWith(TOMBSTONE) && idIn(raw).isPresent();
    }
}
