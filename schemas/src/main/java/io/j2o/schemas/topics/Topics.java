package io.j2o.schemas.topics;

import java.util.List;
import java.util.Objects;

/**
 * The names of every topic of one j2o deployment, derived from a configurable prefix (default {@code j2o.}).
 */
public record Topics(String prefix) {

    public static final String DEFAULT_PREFIX = "j2o.";

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("topic prefix may hold only letters, digits, '.', '_' and '-', was '" + prefix + "'");
        }
    }

    public static Topics defaults() {
        return new Topics(DEFAULT_PREFIX);
    }

    /** The compacted snapshot of Jira projects and their roles (key {@code project_role:<projectId>_<roleId>}). */
    public String jiraProjects() {
        return prefix + "jira.projects";
    }

    /** The compacted snapshot of Jira issues. */
    public String jiraIssues() {
        return prefix + "jira.issues";
    }

    /** The compacted snapshot of Jira users (key {@code user:<accountId>} on Cloud, {@code user:<key>} on Data Center). */
    public String jiraUsers() {
        return prefix + "jira.users";
    }

    /** The compacted snapshot of the versions (releases) of every extracted project. */
    public String jiraVersions() {
        return prefix + "jira.versions";
    }

    /** The compacted snapshot of Jira groups with their members (key {@code group:<groupId>}, Data Center: name). */
    public String jiraGroups() {
        return prefix + "jira.groups";
    }

    /**
     * The compacted snapshot of Jira's vocabularies: statuses, status categories, issue types, priorities,
     * resolutions, fields, issue link types and each project's components, keyed {@code <kind>:<jiraId>} (e.g.
     * {@code status:10001}, {@code issue_type:10000}, {@code component:10200}). One topic for all of them, unlike one
     * topic per kind elsewhere: each list holds a handful of records that rarely change, so a topic and a consumer
     * subscription per kind would buy nothing but more partitions to provision and watch.
     */
    public String jiraVocabulary() {
        return prefix + "jira.vocabulary";
    }

    /** Every Jira topic the transformer reads. */
    public List<String> jiraTopics() {
        return List.of(jiraUsers(), jiraGroups(), jiraProjects(), jiraVersions(), jiraIssues(), jiraVocabulary());
    }

    public String commands() {
        return prefix + "op.commands";
    }

    public String mappings() {
        return prefix + "op.mappings";
    }

    public String deadLetters() {
        return prefix + "op.dlq";
    }

    public String journal() {
        return prefix + "op.journal";
    }

    public String extractorState() {
        return prefix + "extractor.state";
    }

    /**
     * Commands waiting for a reference, keyed by the reference; co-partitioned with {@link #mappings()} so the task
     * that owns a mapping also owns everything waiting on it.
     */
    public String transformerReferences() {
        return prefix + "transformer.references";
    }

    /**
     * The replay epochs {@code j2o replay --force} bumps: key {@code <entity>} or {@code <entity>:<PROJECT>}, value
     * the epoch as decimal text. Part of every checksum, so a bumped epoch makes the selected entities re-emit.
     */
    public String replayEpochs() {
        return prefix + "transformer.epochs";
    }

    /** Every topic with its retention, as the provisioner creates them. */
    public List<TopicSpec> all(int partitions) {
        return List.of(
                TopicSpec.compacted(jiraProjects(), partitions),
                TopicSpec.compacted(jiraIssues(), partitions),
                TopicSpec.compacted(jiraUsers(), partitions),
                TopicSpec.compacted(jiraGroups(), partitions),
                TopicSpec.compacted(jiraVersions(), partitions),
                TopicSpec.compacted(jiraVocabulary(), partitions),
                TopicSpec.retained(commands(), partitions, TopicSpec.DAYS_7),
                TopicSpec.compacted(mappings(), partitions),
                TopicSpec.retained(transformerReferences(), partitions, TopicSpec.DAYS_7),
                TopicSpec.retained(deadLetters(), partitions, TopicSpec.DAYS_30),
                TopicSpec.retained(journal(), partitions, TopicSpec.FOREVER),
                TopicSpec.compacted(extractorState(), 1),
                TopicSpec.compacted(replayEpochs(), 1));
    }
}
