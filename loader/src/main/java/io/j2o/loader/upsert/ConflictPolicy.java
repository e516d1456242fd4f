package io.j2o.loader.upsert;

/**
 * What the loader does with a Jira change to a work package that someone edited in OpenProject since the loader last
 * wrote it (its lockVersion moved on from the one in our mapping).
 */
public enum ConflictPolicy {
    /** Jira is the source of truth until cutover: the edit in OpenProject is overwritten. */
    JIRA_WINS,
    /** The edit in OpenProject is kept: the Jira change is not applied to that work package. */
    OPENPROJECT_WINS,
    /** Neither: the command goes to the dead-letter topic (category CONFLICT) for an operator to decide. */
    PARK
}
