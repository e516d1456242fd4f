package io.j2o.loader.upsert;

import java.util.Locale;

/**
 * {@code loader.originalAuthors}: whether a new work package gets its Jira creation time and reporter as its
 * {@code createdAt} and author. OpenProject accepts both on create only, from an admin, with the setting
 * {@code apiv3_write_readonly_attributes} on; otherwise it answers 422 {@code PropertyIsReadOnly}.
 */
public enum OriginalAuthors {
    /** Send them; if OpenProject refuses them as read-only, create without and stop sending them to that host. */
    AUTO,
    /** Send them; a refusal parks the command (VALIDATION), for sites where the original author is a must. */
    ALWAYS,
    /** Never send them: work packages are authored by the API user, created now. */
    NEVER;

    /** {@code auto}, {@code always} or {@code never}, in any case. */
    public static OriginalAuthors parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("loader.originalAuthors: must be auto, always or never, was " + value, e);
        }
    }
}
