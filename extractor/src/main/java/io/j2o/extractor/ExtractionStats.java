package io.j2o.extractor;

/**
 * What one extraction pass did: the projects it covered, the changed issues it published, the DELETE events for
 * issues gone from Jira, and the users, versions, groups, projects, project roles and vocabulary entries (statuses,
 * types, priorities, fields, components, ...) it published (new or changed since they were last published, deletions
 * included).
 */
public record ExtractionStats(int projects, int issues, int deleted, int users, int versions, int groups,
                              int projectEvents, int roles, int vocabulary) {

    /** A pass that published no metadata. */
    public ExtractionStats(int projects, int issues, int deleted) {
        this(projects, issues, deleted, 0, 0, 0, 0, 0, 0);
    }

    /** A pass that deleted nothing and published no metadata. */
    public ExtractionStats(int projects, int issues) {
        this(projects, issues, 0);
    }

    /** Every event the pass published, deletions included: what the transformer will receive from it. */
    public int events() {
        return issues + deleted + users + versions + groups + projectEvents + roles + vocabulary;
    }
}
