package io.j2o.cli.replay;

import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.Topics;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Jira entities a transform replay can select, each with the topic it is read from. Comments, worklogs and
 * links (and attachments, watchers, sprints) travel inside their issue's event, so selecting them re-reads the issues.
 */
public enum ReplayEntity {
    USERS(JiraEntityType.USER, Topics::jiraUsers),
    GROUPS(JiraEntityType.GROUP, Topics::jiraGroups),
    PROJECTS(JiraEntityType.PROJECT, Topics::jiraProjects),
    VERSIONS(JiraEntityType.VERSION, Topics::jiraVersions),
    ISSUES(JiraEntityType.ISSUE, Topics::jiraIssues);

    private final JiraEntityType type;
    private final Function<Topics, String> topic;

    ReplayEntity(JiraEntityType type, Function<Topics, String> topic) {
        this.type = type;
        this.topic = topic;
    }

    public JiraEntityType type() {
        return type;
    }

    public String topic(Topics topics) {
        return topic.apply(topics);
    }

    /** {@code issues}, {@code Users}, and the kinds that live inside issues: comments, worklogs, links, attachments, watchers, sprints. */
    public static ReplayEntity parse(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "comments", "worklogs", "links", "attachments", "watchers", "sprints" -> ISSUES;
            default -> Arrays.stream(values())
                    .filter(entity -> entity.name().toLowerCase(Locale.ROOT).equals(lower))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("--entities: unknown entity '" + name + "', expected "
                            + Arrays.stream(values()).map(e -> e.name().toLowerCase(Locale.ROOT))
                                    .collect(Collectors.joining(", ")) + ", comments, worklogs, links, attachments, watchers or sprints"));
        };
    }
}
