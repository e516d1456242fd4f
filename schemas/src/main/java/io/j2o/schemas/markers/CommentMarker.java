package io.j2o.schemas.markers;

import java.util.Optional;

/**
 * The {@link TextMarker} of migrated comments, and the tombstone a comment removed from Jira becomes: OpenProject
 * sets a comment's author and time itself and has no field for a foreign id.
 */
public final class CommentMarker {

    /** What a comment removed from Jira is turned into: OpenProject's API v3 cannot delete a comment. */
    public static final String TOMBSTONE = "_(deleted in Jira)_";

    private CommentMarker() {
    }

    /** The marker line for Jira comment {@code jiraCommentId}. */
    public static String of(String jiraCommentId) {
        return TextMarker.COMMENT.of(jiraCommentId);
    }

    /** {@code text} followed by the marker, separated by a blank line so the marker stays a block of its own. */
    public static String append(String text, String jiraCommentId) {
        return TextMarker.COMMENT.append(text, jiraCommentId);
    }

    /** The Jira comment id marked at the end of {@code raw}, if it carries a marker. */
    public static Optional<String> idIn(String raw) {
        return TextMarker.COMMENT.idIn(raw);
    }

    /** The text a removed comment keeps: visibly deleted, still marked so it is found and not recreated. */
    public static String tombstone(String jiraCommentId) {
        return append(TOMBSTONE, jiraCommentId);
    }

    public static boolean isTombstone(String raw) {
        return raw != null && raw.startsWith(TOMBSTONE) && idIn(raw).isPresent();
    }
}
