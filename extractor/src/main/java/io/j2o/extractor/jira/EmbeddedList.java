package io.j2o.extractor.jira;

/**
 * A list Jira embeds in an issue only partly (the first 20 or so, with {@code total} the real count), and whose
 * complete form is read from the issue's own resource, {@code /issue/{id}/<field>}.
 */
public enum EmbeddedList {
    COMMENTS("comment", "comments"), WORKLOGS("worklog", "worklogs");

    private final String field;
    private final String items;

    EmbeddedList(String field, String items) {
        this.field = field;
        this.items = items;
    }

    /** The issue field holding the page, and the name of the resource under the issue: {@code worklog}. */
    public String field() {
        return field;
    }

    /** The array inside the page: {@code worklogs}. */
    public String items() {
        return items;
    }
}
