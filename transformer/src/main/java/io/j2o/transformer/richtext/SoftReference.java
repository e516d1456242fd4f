package io.j2o.transformer.richtext;

import java.util.Objects;

/**
 * Something rich text names that may itself be migrated: an issue by key, a user by Jira id, an attachment by file
 * name. The Markdown shows it as readable fallback text until the thing's OpenProject id is known.
 *
 * @param target the issue key, the Jira user id (accountId, Data Center name) or the file name
 * @param label  what a reader sees: the key, the user's display name (without "@"), the file name
 */
public record SoftReference(Kind kind, String target, String label) {

    /** What a soft reference names. */
    public enum Kind {
        ISSUE, USER, ATTACHMENT
    }

    public SoftReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(label, "label");
    }
}
