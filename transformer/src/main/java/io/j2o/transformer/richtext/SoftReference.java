package io.j2o.transformer.richtext;

import java.util.Objects;

/**
 * Something rich text names that may itself be migrated: an issue by key, a user by Jira id or Data Center username,
 * an attachment by file name. The Markdown shows it as readable fallback text until the thing's OpenProject id is
 * known.
 *
 * @param target the issue key, the Jira user id (accountId), the Data Center username or the file name
 * @param label  what a reader sees: the key, the user's display name or username (without "@"), the file name
 */
public record SoftReference(Kind kind, String target, String label) {

    /** What a soft reference names. */
    public enum Kind {
        /** An issue by key. */
        ISSUE,
        /** A user by Jira id: an ADF mention or a Cloud wiki mention {@code [~accountid:…]}. */
        USER,
        /** A Data Center user by username: a wiki mention {@code [~jdoe]}. */
        USER_NAME,
        /** An attached file shown inline: an image. */
        ATTACHMENT,
        /** An attached file linked to: {@code [^spec.pdf]}, ADF media of a file that is no image. */
        ATTACHMENT_LINK
    }

    public SoftReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(label, "label");
    }
}
