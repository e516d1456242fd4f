package io.j2o.loader.upsert;

import io.github.resilience4j.retry.RetryConfig;
import io.j2o.loader.LoaderConfig;
import io.j2o.loader.jira.JiraAttachmentSource;
import io.j2o.loader.jira.JiraContentException;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.CommandKind;
import java.util.EnumMap;
import java.util.Map;

/** The upserter for each command kind the loader can apply. */
public record Upserters(Map<CommandKind, Upserter> byKind) {

    public Upserters {
        byKind = Map.copyOf(byKind);
    }

    /**
     * Work packages as the config says: which custom field holds the Jira key, and the conflict policy. Attachments
     * only when the config says how to read them from Jira; without, their commands park as an unsupported kind.
     */
    public static Upserters forOpenProject(OpenProjectClient client, LoaderConfig config) {
        Upserters upserters = forOpenProject(client, config.jiraKeyField(), config.conflictPolicy())
                .with(CommandKind.WORK_PACKAGE, retrying(new WorkPackageUpserter(client, config.jiraKeyField(),
                        config.conflictPolicy(), config.originalAuthors()), "work_package", client));
        return config.jira() == null ? upserters
                : upserters.with(CommandKind.ATTACHMENT, attachments(client, new JiraAttachmentSource(config.jira())));
    }

    /** These upserters and {@code upserter} for {@code kind}. */
    public Upserters with(CommandKind kind, Upserter upserter) {
        Map<CommandKind, Upserter> all = new EnumMap<>(CommandKind.class);
        all.putAll(byKind);
        all.put(kind, upserter);
        return new Upserters(all);
    }

    /**
     * Attachments, retried whole (lookup, then a fresh Jira download and upload) after a transient failure on either
     * side: an upload that broke off, or Jira answering 5xx or 429.
     */
    public static Upserter attachments(OpenProjectClient client, JiraAttachmentSource jira) {
        RetryConfig config = RetryConfig.from(client.retryConfig())
                .retryOnException(e -> worthAnotherUpsert(e) || e instanceof JiraContentException jce && jce.isTransient())
                .build();
        return new RetryingUpserter(new AttachmentUpserter(client, jira), "attachment", config);
    }

    public static Upserters forOpenProject(OpenProjectClient client, String jiraKeyField) {
        return forOpenProject(client, jiraKeyField, ConflictPolicy.JIRA_WINS);
    }

    public static Upserters forOpenProject(OpenProjectClient client, String jiraKeyField, ConflictPolicy conflicts) {
        return new Upserters(Map.of(
                CommandKind.PROJECT, retrying(new ProjectUpserter(client), "project", client),
                CommandKind.USER, retrying(new UserUpserter(client), "user", client),
                CommandKind.GROUP, retrying(new GroupUpserter(client), "group", client),
                CommandKind.MEMBERSHIP, retrying(new MembershipUpserter(client), "membership", client),
                CommandKind.VERSION, retrying(new VersionUpserter(client), "version", client),
                CommandKind.WORK_PACKAGE, retrying(new WorkPackageUpserter(client, jiraKeyField, conflicts), "work_package", client),
                CommandKind.RELATION, retrying(new RelationUpserter(client), "relation", client),
                CommandKind.COMMENT, retrying(new CommentUpserter(client), "comment", client),
                CommandKind.TIME_ENTRY, retrying(new TimeEntryUpserter(client), "time_entry", client),
                CommandKind.WATCHER, retrying(new WatcherUpserter(client), "watcher", client)));
    }

    private static Upserter retrying(Upserter upserter, String name, OpenProjectClient client) {
        return new RetryingUpserter(upserter, name,
                RetryConfig.from(client.retryConfig()).retryOnException(Upserters::worthAnotherUpsert).build());
    }

    /**
     * A transient failure, or a 409: someone changed the resource between our read and our write. A single request
     * must not be repeated then (its lockVersion is stale), but the whole upsert may: it reads the resource afresh.
     */
    private static boolean worthAnotherUpsert(Throwable e) {
        return e instanceof OpenProjectException.Conflict || e instanceof OpenProjectException ope && ope.isTransient();
    }
}
