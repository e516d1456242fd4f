package io.j2o.extractor;

/**
 * What one extraction pass did: the projects it covered, the changed issues it published, the DELETE events for
 * issues gone from Jira, and the users, versions and groups it published (new or changed since the last pass).
 */
public record ExtractionStats(int projects, int issues, int deleted, int users, int versions, int groups) {

    /** A pass that published no groups. */
    public ExtractionStats(int projects, int issues, int deleted, int users, int versions) {
        this(projects, issues, deleted, users, versions, 0);
    }

    /** A pass that published no users or versions. */
    public ExtractionStats(int projects, int issues, int deleted) {
        this(projects, issues, deleted, 0, 0);
    }

    /** A pass that deleted nothing and published no users or versions. */
    public ExtractionStats(int projects, int issues) {
        this(projects, issues, 0);
    }

    /** Every event the pass published, deletions included: what the transformer will receive from it. */
    public int events() {
        return projects + issues + deleted + users + versions + groups;
    }
}
