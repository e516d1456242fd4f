package io.j2o.sandbox.jira.jql;

/** One ORDER BY key. */
public record JqlSort(String field, boolean ascending) {
}
