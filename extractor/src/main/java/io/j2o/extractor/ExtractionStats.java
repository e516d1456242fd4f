package io.j2o.extractor;

/** What one extraction pass published: projects, changed issues, and DELETE events for issues gone from Jira. */
public record ExtractionStats(int projects, int issues, int deleted) {

    /** A pass that deleted nothing. */
    public ExtractionStats(int projects, int issues) {
        this(projects, issues, 0);
    }
}
