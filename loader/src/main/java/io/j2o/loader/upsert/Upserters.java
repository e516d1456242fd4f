package io.j2o.loader.upsert;

import io.j2o.loader.LoaderConfig;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.CommandKind;
import java.util.Map;

/** The upserter for each command kind the loader can apply. */
public record Upserters(Map<CommandKind, Upserter> byKind) {

    public Upserters {
        byKind = Map.copyOf(byKind);
    }

    /** Work packages as the config says: which custom field holds the Jira key, and the conflict policy. */
    public static Upserters forOpenProject(OpenProjectClient client, LoaderConfig config) {
        return forOpenProject(client, config.jiraKeyField(), config.conflictPolicy());
    }

    public static Upserters forOpenProject(OpenProjectClient client, String jiraKeyField) {
        return forOpenProject(client, jiraKeyField, ConflictPolicy.JIRA_WINS);
    }

    public static Upserters forOpenProject(OpenProjectClient client, String jiraKeyField, ConflictPolicy conflicts) {
        return new Upserters(Map.of(
                CommandKind.PROJECT, retrying(new ProjectUpserter(client), "project", client),
                CommandKind.USER, retrying(new UserUpserter(client), "user", client),
                CommandKind.MEMBERSHIP, retrying(new MembershipUpserter(client), "membership", client),
                CommandKind.VERSION, retrying(new VersionUpserter(client), "version", client),
                CommandKind.WORK_PACKAGE, retrying(new WorkPackageUpserter(client, jiraKeyField, conflicts), "work_package", client),
                CommandKind.RELATION, retrying(new RelationUpserter(client), "relation", client),
                CommandKind.COMMENT, retrying(new CommentUpserter(client), "comment", client),
                CommandKind.TIME_ENTRY, retrying(new TimeEntryUpserter(client), "time_entry", client),
                CommandKind.WATCHER, retrying(new WatcherUpserter(client), "watcher", client)));
    }

    private static Upserter retrying(Upserter upserter, String name, OpenProjectClient client) {
        return new RetryingUpserter(upserter, name, client.retryConfig());
    }
}
