package io.j2o.loader.upsert;

import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.CommandKind;
import java.util.Map;

/** The upserter for each command kind the loader can apply. */
public record Upserters(Map<CommandKind, Upserter> byKind) {

    public Upserters {
        byKind = Map.copyOf(byKind);
    }

    public static Upserters forOpenProject(OpenProjectClient client, String jiraKeyField) {
        return new Upserters(Map.of(
                CommandKind.PROJECT, new RetryingUpserter(new ProjectUpserter(client), "project", client.retryConfig()),
                CommandKind.WORK_PACKAGE, new RetryingUpserter(new WorkPackageUpserter(client, jiraKeyField), "work_package",
                        client.retryConfig()),
                CommandKind.COMMENT, new RetryingUpserter(new CommentUpserter(client), "comment", client.retryConfig())));
    }
}
