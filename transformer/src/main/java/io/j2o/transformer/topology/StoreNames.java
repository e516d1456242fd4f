package io.j2o.transformer.topology;

/** Names of the transformer's state stores. */
public final class StoreNames {

    /** Jira entity key → checksum of the content last turned into a command. */
    public static final String CHECKSUMS = "checksums";
    /** Command key → its mapping, for the keys this task owns. */
    public static final String MAPPINGS = "mappings";
    /** {@code <reference key>|<command key>} → a command waiting for that reference's mapping. */
    public static final String PENDING = "pending";

    private StoreNames() {
    }
}
