package io.j2o.cli.config;

import io.j2o.extractor.ExtractorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The contents of {@code j2o.yaml}, one record per section, with every optional value defaulted. The records only
 * hold values; whether they make sense is decided by {@link ConfigLoader}, which reports every problem at once.
 */
public record J2oConfig(
        Jira jira,
        OpenProject openproject,
        Kafka kafka,
        SchemaRegistry schemaRegistry,
        Extractor extractor,
        Transformer transformer,
        Loader loader,
        Mapping mapping) {

    public J2oConfig {
        jira = jira == null ? new Jira(null, null, null, null, null, null) : jira;
        openproject = openproject == null ? new OpenProject(null, null, null) : openproject;
        kafka = kafka == null ? new Kafka(null, null, null, null, null) : kafka;
        schemaRegistry = schemaRegistry == null ? new SchemaRegistry(null, null, null) : schemaRegistry;
        extractor = extractor == null ? new Extractor(null, null, null, null, null, null, null, null, null, null) : extractor;
        transformer = transformer == null ? new Transformer(null, null, null) : transformer;
        loader = loader == null ? new Loader(null, null, null, null, null, null, null) : loader;
        mapping = mapping == null ? new Mapping(null, null, null, null, null, null, null, null, null, null, null, null) : mapping;
    }

    /**
     * The Jira site.
     *
     * @param site    a short stable name of the site, part of watermark keys; defaults to the URL's host
     * @param flavour {@code CLOUD} (REST v3) or {@code DATA_CENTER} (Data Center / Server, REST v2)
     */
    public record Jira(String url, String email, Secret apiToken, String site, String flavour, String auth) {
        public Jira {
            site = site != null ? site : hostOf(url);
            flavour = flavour != null ? flavour : "CLOUD";
            auth = auth != null ? auth : "basic";
        }

        private static String hostOf(String url) {
            try {
                String host = url == null ? null : URI.create(url).getHost();
                return host != null ? host : "jira";
            } catch (IllegalArgumentException e) {
                return "jira";
            }
        }
    }

    /**
     * The target OpenProject.
     *
     * @param jiraKeyField API name of the work-package custom field that holds the Jira key, e.g. {@code customField1}
     */
    public record OpenProject(String url, Secret apiKey, String jiraKeyField) {
    }

    /**
     * The Kafka cluster.
     *
     * @param properties given to every Kafka client unchanged (TLS, SASL, tuning); values whose key names a
     *                   credential are masked when printed
     */
    public record Kafka(String bootstrapServers, String topicPrefix, Integer partitions, Integer replicationFactor,
                        Map<String, String> properties) {

        private static final Pattern CREDENTIAL_KEY =
                Pattern.compile("(?i).*(password|secret|jaas|token|credential|user\\.info).*|.*\\.key");

        public Kafka {
            topicPrefix = topicPrefix != null ? topicPrefix : "j2o.";
            partitions = partitions != null ? partitions : 6;
            replicationFactor = replicationFactor != null ? replicationFactor : 3;
            properties = properties == null ? Map.of() : Map.copyOf(properties);
        }

        /** The pass-through properties with credentials replaced by {@code ****}, in key order. */
        public Map<String, String> maskedProperties() {
            Map<String, String> masked = new TreeMap<>();
            properties.forEach((key, value) -> masked.put(key, CREDENTIAL_KEY.matcher(key).matches() ? Secret.MASK : value));
            return masked;
        }

        @Override
        public String toString() {
            return "Kafka[bootstrapServers=" + bootstrapServers + ", topicPrefix=" + topicPrefix + ", partitions="
                    + partitions + ", replicationFactor=" + replicationFactor + ", properties=" + maskedProperties() + "]";
        }
    }

    /** The Confluent-compatible Schema Registry; {@code username} and {@code password} go together or not at all. */
    public record SchemaRegistry(String url, String username, Secret password) {
    }

    /**
     * What to extract and how often.
     *
     * @param projects     Jira project keys; empty means every project the account can see
     * @param lookback     how far before the watermark each query starts
     * @param pollInterval pause between passes when {@code j2o run} runs continuously
     * @param reconcileEvery every how many passes deleted issues are looked for
     * @param concurrency  how many bulk fetches of changed issues are in flight at once (Cloud)
     */
    public record Extractor(List<String> projects, Duration lookback, Integer pageSize, Duration pollInterval,
                            Integer maxAttempts, Integer reconcileEvery, List<String> entities, Double requestsPerSecond,
                            Duration metadataRefresh, Integer concurrency) {
        public Extractor {
            concurrency = concurrency != null ? concurrency : ExtractorConfig.DEFAULT_CONCURRENCY;
            requestsPerSecond = requestsPerSecond != null ? requestsPerSecond : 0;
            metadataRefresh = metadataRefresh != null ? metadataRefresh : Duration.ZERO;
            projects = projects == null ? List.of() : List.copyOf(projects);
            lookback = lookback != null ? lookback : Duration.ofMinutes(5);
            pageSize = pageSize != null ? pageSize : 100;
            pollInterval = pollInterval != null ? pollInterval : Duration.ofSeconds(30);
            maxAttempts = maxAttempts != null ? maxAttempts : 6;
            reconcileEvery = reconcileEvery != null ? reconcileEvery : 10;
        }
    }

    /** The Kafka Streams application. */
    public record Transformer(String applicationId, String stateDir, Integer streamThreads) {
        public Transformer {
            applicationId = applicationId != null ? applicationId : "j2o-transformer";
            stateDir = stateDir != null ? stateDir : "j2o-state";
            streamThreads = streamThreads != null ? streamThreads : 1;
        }
    }

    /**
     * The loader consumer group.
     *
     * @param concurrency commands in flight per instance
     * @param instances      loader instances in this JVM
     * @param conflictPolicy {@code JIRA_WINS}, {@code OPENPROJECT_WINS} or {@code PARK}: what to do with a work
     *                       package edited in OpenProject since our last write
     */
    public record Loader(String groupId, Integer concurrency, Integer instances, Integer maxAttempts, String conflictPolicy,
                         Integer requestsPerSecond, String originalAuthors) {
        public Loader {
            originalAuthors = originalAuthors != null ? originalAuthors : "auto";
            requestsPerSecond = requestsPerSecond != null ? requestsPerSecond : 0;
            conflictPolicy = conflictPolicy != null ? conflictPolicy : "JIRA_WINS";
            groupId = groupId != null ? groupId : "j2o-loader";
            concurrency = concurrency != null ? concurrency : 8;
            instances = instances != null ? instances : 1;
            maxAttempts = maxAttempts != null ? maxAttempts : 6;
        }
    }

    /**
     * The operator's explicit choices: per vocabulary, Jira name → OpenProject name (the rest is matched by name);
     * users; Jira link type → OpenProject relation type; the role assignees and reporters get in their project;
     * where the migrated projects go; what becomes of sprints ({@code version} or {@code ignore}); Jira project role
     * name → OpenProject role its actors get (unlisted: the role of the same name, else {@code memberRole}).
     */
    public record Mapping(Map<String, String> type, Map<String, String> status, Map<String, String> priority,
                          Users users, Map<String, String> linkTypes, String memberRole, Map<String, String> customFields,
                          String labels, String components, Projects projects, String sprints,
                          Map<String, String> roles) {
        public Mapping {
            type = type == null ? Map.of() : Map.copyOf(type);
            status = status == null ? Map.of() : Map.copyOf(status);
            priority = priority == null ? Map.of() : Map.copyOf(priority);
            users = users == null ? new Users(null, null, null) : users;
            linkTypes = linkTypes == null ? Map.of() : Map.copyOf(linkTypes);
            memberRole = memberRole != null ? memberRole : "Member";
            customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
            projects = projects == null ? new Projects(null) : projects;
            sprints = sprints == null ? "version" : sprints;
            roles = roles == null ? Map.of() : Map.copyOf(roles);
        }

        /** In the form {@code OpenProjectCatalog} takes. */
        public Map<String, Map<String, String>> overrides() {
            Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
            overrides.put("type", type);
            overrides.put("status", status);
            overrides.put("priority", priority);
            return overrides;
        }
    }

    /**
     * Where the migrated projects go.
     *
     * @param parent Jira project key or {@code *} (every other project) → identifier of an existing OpenProject
     *               project to nest the migrated project under; unlisted projects stay at the top level
     */
    public record Projects(Map<String, String> parent) {
        public Projects {
            parent = parent == null ? Map.of() : Map.copyOf(parent);
        }
    }

    /**
     * Which OpenProject user each Jira user becomes.
     *
     * @param overrides Jira account id / user key or email → login of an existing OpenProject user
     * @param unmatched {@code invite} (default): create the user as invited, or reuse one with the same login or
     *                  email; {@code fallback}: map every user without an override to {@code fallbackLogin}
     */
    public record Users(Map<String, String> overrides, String unmatched, String fallbackLogin) {
        public Users {
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
            unmatched = unmatched != null ? unmatched : "invite";
        }
    }
}
