package io.j2o.loader;

import io.j2o.loader.jira.JiraCredentials;
import io.j2o.loader.openproject.HostGuard;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.upsert.ConflictPolicy;
import io.j2o.loader.upsert.OriginalAuthors;
import io.j2o.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the loader needs, validated at construction with every problem reported at once.
 *
 * @param jiraKeyField    API name of the work-package custom field that holds the Jira key, e.g. {@code customField1}
 * @param concurrency     commands in flight at once in one loader instance (across keys; one at a time per key)
 * @param maxAttempts     tries per OpenProject request before a transient failure stops the loader
 * @param kafkaProperties passed to every Kafka client unchanged (TLS, SASL, tuning)
 * @param conflictPolicy  {@code loader.conflictPolicy}: what to do with a work package edited in OpenProject since our
 *                        last write (default {@link ConflictPolicy#JIRA_WINS})
 * @param requestsPerSecond at most this many OpenProject requests a second from one loader instance; 0: no limit
 * @param jira            where and how to read attachment bytes from Jira; null: attachments are not migrated (their
 *                        commands park as an unsupported kind)
 * @param originalAuthors {@code loader.originalAuthors}: whether new work packages get their Jira creation time and
 *                        author (default {@link OriginalAuthors#AUTO})
 */
public record LoaderConfig(
        String bootstrapServers,
        String groupId,
        Topics topics,
        String openProjectUrl,
        String apiKey,
        String jiraKeyField,
        int concurrency,
        int maxAttempts,
        Map<String, Object> kafkaProperties,
        ConflictPolicy conflictPolicy,
        int requestsPerSecond,
        JiraCredentials jira,
        OriginalAuthors originalAuthors) {

    /** With the default {@link OriginalAuthors#AUTO}. */
    public LoaderConfig(String bootstrapServers, String groupId, Topics topics, String openProjectUrl, String apiKey,
            String jiraKeyField, int concurrency, int maxAttempts, Map<String, Object> kafkaProperties,
            ConflictPolicy conflictPolicy, int requestsPerSecond, JiraCredentials jira) {
        this(bootstrapServers, groupId, topics, openProjectUrl, apiKey, jiraKeyField, concurrency, maxAttempts,
                kafkaProperties, conflictPolicy, requestsPerSecond, jira, OriginalAuthors.AUTO);
    }

    /** Without Jira credentials: attachments are not migrated. */
    public LoaderConfig(String bootstrapServers, String groupId, Topics topics, String openProjectUrl, String apiKey,
            String jiraKeyField, int concurrency, int maxAttempts, Map<String, Object> kafkaProperties,
            ConflictPolicy conflictPolicy, int requestsPerSecond) {
        this(bootstrapServers, groupId, topics, openProjectUrl, apiKey, jiraKeyField, concurrency, maxAttempts,
                kafkaProperties, conflictPolicy, requestsPerSecond, null);
    }

    /** The same configuration reading attachments from Jira with {@code credentials}. */
    public LoaderConfig withJira(JiraCredentials credentials) {
        return new LoaderConfig(bootstrapServers, groupId, topics, openProjectUrl, apiKey, jiraKeyField, concurrency,
                maxAttempts, kafkaProperties, conflictPolicy, requestsPerSecond, credentials, originalAuthors);
    }

    /** The same configuration with {@code loader.originalAuthors} set to {@code value}. */
    public LoaderConfig withOriginalAuthors(OriginalAuthors value) {
        return new LoaderConfig(bootstrapServers, groupId, topics, openProjectUrl, apiKey, jiraKeyField, concurrency,
                maxAttempts, kafkaProperties, conflictPolicy, requestsPerSecond, jira, value);
    }

    /** With the default conflict policy, {@link ConflictPolicy#JIRA_WINS}, and no rate limit. */
    public LoaderConfig(String bootstrapServers, String groupId, Topics topics, String openProjectUrl, String apiKey,
            String jiraKeyField, int concurrency, int maxAttempts, Map<String, Object> kafkaProperties) {
        this(bootstrapServers, groupId, topics, openProjectUrl, apiKey, jiraKeyField, concurrency, maxAttempts,
                kafkaProperties, ConflictPolicy.JIRA_WINS, 0, null);
    }

    /** The client for this configuration's OpenProject: its attempts, its rate limit, the default circuit breaker. */
    public OpenProjectClient openProjectClient() {
        return new OpenProjectClient(openProjectUrl, apiKey, OpenProjectClient.defaultHttp(), maxAttempts,
                HostGuard.Limits.withRequestsPerSecond(requestsPerSecond));
    }

    public LoaderConfig {
        kafkaProperties = Map.copyOf(kafkaProperties);
        List<String> problems = new ArrayList<>();
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("kafka.bootstrapServers: must be set");
        }
        if (groupId == null || groupId.isBlank()) {
            problems.add("loader.groupId: must be set");
        }
        if (openProjectUrl == null || !openProjectUrl.matches("https?://.+")) {
            problems.add("openproject.url: must be an http(s) URL, was " + openProjectUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            problems.add("openproject.apiKey: must be set");
        }
        if (jiraKeyField == null || !jiraKeyField.matches("customField\\d+")) {
            problems.add("loader.jiraKeyField: must look like customField<N>, was " + jiraKeyField);
        }
        if (concurrency < 1 || concurrency > 512) {
            problems.add("loader.concurrency: must be 1..512, was " + concurrency);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            problems.add("loader.maxAttempts: must be 1..100, was " + maxAttempts);
        }
        if (requestsPerSecond < 0 || requestsPerSecond > 100_000) {
            problems.add("loader.requestsPerSecond: must be 0 (no limit) .. 100000, was " + requestsPerSecond);
        }
        if (conflictPolicy == null) {
            problems.add("loader.conflictPolicy: must be one of JIRA_WINS, OPENPROJECT_WINS, PARK, was null");
        }
        if (originalAuthors == null) {
            problems.add("loader.originalAuthors: must be one of auto, always, never, was null");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        Objects.requireNonNull(topics, "topics");
    }

    /** Never shows the API key. */
    @Override
    public String toString() {
        return "LoaderConfig[bootstrapServers=" + bootstrapServers + ", groupId=" + groupId + ", openProjectUrl="
                + openProjectUrl + ", apiKey=****, jiraKeyField=" + jiraKeyField + ", concurrency=" + concurrency
                + ", maxAttempts=" + maxAttempts + ", conflictPolicy=" + conflictPolicy + ", originalAuthors=" + originalAuthors
                + ", jira=" + jira + "]";
    }
}
