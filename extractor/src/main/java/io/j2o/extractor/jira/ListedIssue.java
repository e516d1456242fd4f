package io.j2o.extractor.jira;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * An issue as a listing of a project names it: its id and key, its {@code fields.updated} when the listing asked for
 * it (null otherwise, or when Jira sent none that can be read) and, when Jira sent {@code fields.watches}, how many
 * users watch it (empty when the field is hidden or watching is switched off).
 */
public record ListedIssue(String id, String key, Instant updated, OptionalInt watchCount) {
}
