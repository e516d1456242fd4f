package io.j2o.transformer.topology;

/** Names of the transformer's state stores. */
public final class StoreNames {

    /** Command key → checksum of the command last emitted for it. */
    public static final String CHECKSUMS = "checksums";
    /**
     * {@code issue:<id>|<command kind>} → the children of that kind the payload listed last, as a JSON object
     * of child id → body of the command that removes it.
     */
    public static final String CHILD_LISTS = "child-lists";
    /** Command key → its mapping, for the keys this task owns. */
    public static final String MAPPINGS = "mappings";
    /** {@code <reference key>|<command key>} → a command waiting for that reference's mapping. */
    public static final String PENDING = "pending";
    /**
     * {@code <reference key>|<command key>} → a command already sent with fallback text for that soft reference, to
     * send again when its mapping arrives. Apart from {@link #PENDING}, which lists what OpenProject does not have yet.
     */
    public static final String TEXT_PENDING = "text-pending";

    private StoreNames() {
    }
}
