package io.j2o.transformer.topology;

/** Names of the transformer's state stores. */
public final class StoreNames {

    /** Command key → checksum of the command last emitted for it. */
    public static final String CHECKSUMS = "checksums";
    /** Jira issue key ({@code issue:<id>}) → the comma-separated ids of the comments its payload listed last. */
    public static final String COMMENT_LISTS = "comment-lists";
    /** Command key → its mapping, for the keys this task owns. */
    public static final String MAPPINGS = "mappings";
    /** {@code <reference key>|<command key>} → a command waiting for that reference's mapping. */
    public static final String PENDING = "pending";

    private StoreNames() {
    }
}
