package io.j2o.extractor.jira;

import java.util.OptionalInt;

/**
 * An issue as the id listing of a project names it: its id and, when Jira sent {@code fields.watches}, how many
 * users watch it (empty when the field is hidden or watching is switched off).
 */
public record ListedIssue(String id, OptionalInt watchCount) {
}
