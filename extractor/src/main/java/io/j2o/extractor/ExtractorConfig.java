package io.j2o.extractor;

import io.j2o.extractor.jira.JiraAuth;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.extractor.jira.JiraHttpPolicy;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the extractor needs, validated at construction with every problem reported at once.
 *
 * @param site           a short stable name of the Jira site, part of watermark keys and events
 * @param projects       Jira project keys to extract; empty means every visible project
 * @param lookback       how far before the watermark each query starts, for Jira's minute precision and late indexing
 * @param flavour        Cloud (REST v3) or Data Center / Server (REST v2)
 * @param reconcileEvery every how many passes the deleted issues are looked for (1 = every pass)
 * @param searchWindow   Data Center's {@code jira.search.platform.max.result.window}: no search pages deeper
 * @param entities       which kinds to extract, by {@link ExtractedEntity#configName()}; every kind by default
 * @param requestsPerSecond at most this many Jira requests a second; 0 means no limit
 * @param auth           Basic credentials ({@code jira.email} and {@code jira.apiToken}) or a Data Center Personal
 *                        Access Token in {@code jira.apiToken}, sent as a Bearer token ({@code jira.auth: pat})
 * @param metadataRefresh how long users, groups and versions are not read again after a pass read them; zero reads them
 *                        every pass (a full resync always reads them)
 * @param concurrency    how many bulk fetches of up to 100 listed issues are in flight at once (Cloud lists the ids
 *                        of changed issues first, then hydrates them; Data Center reads full issues from its search)
 */
public record ExtractorConfig(
        String jiraUrl,
        String email,
        String apiToken,
        String site,
        List<String> projects,
        String bootstrapServers,
        Topics topics,
        Duration lookback,
        int pageSize,
        int maxAttempts,
        Map<String, Object> kafkaProperties,
        JiraFlavour flavour,
        int reconcileEvery,
        int searchWindow,
        List<String> entities,
        double requestsPerSecond,
        Duration metadataRefresh,
        JiraAuth auth,
        int concurrency) {

    public static final int DEFAULT_RECONCILE_EVERY = 10;
    /** Data Center's default result window. */
    public static final int DEFAULT_SEARCH_WINDOW = 10_000;
    /** Bulk fetches in flight: enough to hide Jira's latency, few enough to stay clear of its rate limits. */
    public static final int DEFAULT_CONCURRENCY = 4;

    public ExtractorConfig {
        projects = List.copyOf(projects);
        kafkaProperties = Map.copyOf(kafkaProperties);
        Objects.requireNonNull(topics, "topics");
        auth = auth == null ? JiraAuth.BASIC : auth;
        List<String> problems = new ArrayList<>();
        entities = entities == null ? ExtractedEntity.ALL
                : entities.stream().map(name -> name.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        if (entities.isEmpty()) {
            problems.add("extractor.entities: must name at least one of " + ExtractedEntity.ALL);
        }
        entities.stream().filter(name -> ExtractedEntity.named(name).isEmpty())
                .forEach(name -> problems.add("extractor.entities: '" + name + "' is not one of " + ExtractedEntity.ALL));
        if (flavour == null) {
            problems.add("jira.flavour: must be CLOUD or DATA_CENTER");
        }
        if (reconcileEvery < 1 || reconcileEvery > 100_000) {
            problems.add("extractor.reconcileEvery: must be 1..100000, was " + reconcileEvery);
        }
        if (!(requestsPerSecond >= 0) || requestsPerSecond > 10_000) {
            problems.add("extractor.requestsPerSecond: must be 0 (no limit) up to 10000, was " + requestsPerSecond);
        }
        if (metadataRefresh == null || metadataRefresh.isNegative() || metadataRefresh.compareTo(Duration.ofDays(7)) > 0) {
            problems.add("extractor.metadataRefresh: must be 0..7d, was " + metadataRefresh);
        }
        if (searchWindow < 1) {
            problems.add("extractor.searchWindow: must be positive, was " + searchWindow);
        }
        if (jiraUrl == null || !jiraUrl.matches("https?://.+")) {
            problems.add("jira.url: must be an http(s) URL, was " + jiraUrl);
        }
        if (auth == JiraAuth.BASIC && (email == null || email.isBlank())) {
            problems.add("jira.email: must be set");
        }
        if (apiToken == null || apiToken.isBlank()) {
            problems.add(auth == JiraAuth.PAT ? "jira.apiToken: must hold the Personal Access Token"
                    : "jira.apiToken: must be set");
        }
        if (auth == JiraAuth.PAT && flavour == JiraFlavour.CLOUD) {
            problems.add("jira.auth: pat (a Personal Access Token) is for Data Center; Cloud takes basic with an API token");
        }
        if (site == null || !site.matches("[A-Za-z0-9._-]+")) {
            problems.add("jira.site: letters, digits, '.', '_' and '-' only, was " + site);
        }
        projects.stream().filter(p -> !p.matches("[A-Z][A-Z0-9_]*"))
                .forEach(p -> problems.add("extractor.projects: '" + p + "' is not a Jira project key"));
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            problems.add("kafka.bootstrapServers: must be set");
        }
        if (lookback == null || lookback.isNegative() || lookback.compareTo(Duration.ofDays(1)) > 0) {
            problems.add("extractor.lookback: must be 0..24h, was " + lookback);
        }
        if (pageSize < 1 || pageSize > 5000) {
            problems.add("extractor.pageSize: must be 1..5000, was " + pageSize);
        }
        if (concurrency < 1 || concurrency > 32) {
            problems.add("extractor.concurrency: must be 1..32, was " + concurrency);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            problems.add("extractor.maxAttempts: must be 1..100, was " + maxAttempts);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** Hydrating {@link #DEFAULT_CONCURRENCY} batches of issues at once. */
    public ExtractorConfig(String jiraUrl, String email, String apiToken, String site, List<String> projects,
            String bootstrapServers, Topics topics, Duration lookback, int pageSize, int maxAttempts,
            Map<String, Object> kafkaProperties, JiraFlavour flavour, int reconcileEvery, int searchWindow,
            List<String> entities, double requestsPerSecond, Duration metadataRefresh, JiraAuth auth) {
        this(jiraUrl, email, apiToken, site, projects, bootstrapServers, topics, lookback, pageSize, maxAttempts,
                kafkaProperties, flavour, reconcileEvery, searchWindow, entities, requestsPerSecond, metadataRefresh,
                auth, DEFAULT_CONCURRENCY);
    }

    /** Signing in with Basic credentials. */
    public ExtractorConfig(String jiraUrl, String email, String apiToken, String site, List<String> projects,
            String bootstrapServers, Topics topics, Duration lookback, int pageSize, int maxAttempts,
            Map<String, Object> kafkaProperties, JiraFlavour flavour, int reconcileEvery, int searchWindow,
            List<String> entities, double requestsPerSecond, Duration metadataRefresh) {
        this(jiraUrl, email, apiToken, site, projects, bootstrapServers, topics, lookback, pageSize, maxAttempts,
                kafkaProperties, flavour, reconcileEvery, searchWindow, entities, requestsPerSecond, metadataRefresh,
                JiraAuth.BASIC);
    }

    /** An extractor of every kind of entity, without a request-rate limit, reading users and versions every pass. */
    public ExtractorConfig(String jiraUrl, String email, String apiToken, String site, List<String> projects,
            String bootstrapServers, Topics topics, Duration lookback, int pageSize, int maxAttempts,
            Map<String, Object> kafkaProperties, JiraFlavour flavour, int reconcileEvery, int searchWindow) {
        this(jiraUrl, email, apiToken, site, projects, bootstrapServers, topics, lookback, pageSize, maxAttempts,
                kafkaProperties, flavour, reconcileEvery, searchWindow, ExtractedEntity.ALL, 0, Duration.ZERO);
    }

    /** A Cloud extractor that looks for deleted issues every tenth pass. */
    public ExtractorConfig(String jiraUrl, String email, String apiToken, String site, List<String> projects,
            String bootstrapServers, Topics topics, Duration lookback, int pageSize, int maxAttempts,
            Map<String, Object> kafkaProperties) {
        this(jiraUrl, email, apiToken, site, projects, bootstrapServers, topics, lookback, pageSize, maxAttempts,
                kafkaProperties, JiraFlavour.CLOUD, DEFAULT_RECONCILE_EVERY, DEFAULT_SEARCH_WINDOW);
    }

    /** The same configuration for another flavour of Jira. */
    public ExtractorConfig withFlavour(JiraFlavour flavour) {
        return copy(c -> c.flavour = flavour);
    }

    /** The same configuration, reconciling deletions every {@code passes} passes. */
    public ExtractorConfig withReconcileEvery(int passes) {
        return copy(c -> c.reconcileEvery = passes);
    }

    /** The same configuration with another Data Center search window (what the server's admin set). */
    public ExtractorConfig withSearchWindow(int results) {
        return copy(c -> c.searchWindow = results);
    }

    /** The same configuration extracting only the projects with the keys {@code keys} (empty: every visible one). */
    public ExtractorConfig withProjects(List<String> keys) {
        return copy(c -> c.projects = keys);
    }

    /** The same configuration extracting only the kinds {@code names} (configuration names, e.g. {@code users}). */
    public ExtractorConfig withEntities(List<String> names) {
        return copy(c -> c.entities = names);
    }

    /** The same configuration sending at most {@code limit} Jira requests a second (0: no limit). */
    public ExtractorConfig withRequestsPerSecond(double limit) {
        return copy(c -> c.requestsPerSecond = limit);
    }

    /** The same configuration, reading users and versions again only once {@code refresh} has passed. */
    public ExtractorConfig withMetadataRefresh(Duration refresh) {
        return copy(c -> c.metadataRefresh = refresh);
    }

    /** The same configuration with {@code batches} bulk fetches of issues in flight at once. */
    public ExtractorConfig withConcurrency(int batches) {
        return copy(c -> c.concurrency = batches);
    }

    /** The same configuration signing in as {@code scheme} says, {@link #apiToken()} being the secret. */
    public ExtractorConfig withAuth(JiraAuth scheme) {
        return copy(c -> c.auth = scheme);
    }

    /** This configuration with {@code change} applied, validated again by the canonical constructor. */
    private ExtractorConfig copy(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The client for this configuration's Jira: its credentials, attempts and rate limit, the default breaker. */
    public JiraClient jiraClient() {
        return new JiraClient(jiraUrl, auth, email, apiToken, JiraClient.defaultHttp(), httpPolicy());
    }

    /** How the Jira client should treat the host: this configuration's attempts and rate limit, the default breaker. */
    public JiraHttpPolicy httpPolicy() {
        return JiraHttpPolicy.of(maxAttempts).withRequestsPerSecond(requestsPerSecond);
    }

    /** Whether a pass reads {@code kind}. */
    public boolean extracts(ExtractedEntity kind) {
        return entities.contains(kind.configName());
    }

    /** Never shows the API token. */
    @Override
    public String toString() {
        return "ExtractorConfig[jiraUrl=" + jiraUrl + ", email=" + email + ", apiToken=****, site=" + site
                + ", projects=" + projects + ", bootstrapServers=" + bootstrapServers + ", lookback=" + lookback
                + ", pageSize=" + pageSize + ", flavour=" + flavour + ", reconcileEvery=" + reconcileEvery
                + ", searchWindow=" + searchWindow + ", entities=" + entities + ", requestsPerSecond=" + requestsPerSecond
                + ", metadataRefresh=" + metadataRefresh + ", auth=" + auth.configName() + ", concurrency=" + concurrency + "]";
    }

    /**
     * The components of a configuration being copied, listed here once so that each wither names only the one it
     * changes; a new component is added here and in the record header, nowhere else.
     */
    private static final class Copy {
        private String jiraUrl;
        private String email;
        private String apiToken;
        private String site;
        private List<String> projects;
        private String bootstrapServers;
        private Topics topics;
        private Duration lookback;
        private int pageSize;
        private int maxAttempts;
        private Map<String, Object> kafkaProperties;
        private JiraFlavour flavour;
        private int reconcileEvery;
        private int searchWindow;
        private List<String> entities;
        private double requestsPerSecond;
        private Duration metadataRefresh;
        private JiraAuth auth;
        private int concurrency;

        private Copy(ExtractorConfig from) {
            jiraUrl = from.jiraUrl;
            email = from.email;
            apiToken = from.apiToken;
            site = from.site;
            projects = from.projects;
            bootstrapServers = from.bootstrapServers;
            topics = from.topics;
            lookback = from.lookback;
            pageSize = from.pageSize;
            maxAttempts = from.maxAttempts;
            kafkaProperties = from.kafkaProperties;
            flavour = from.flavour;
            reconcileEvery = from.reconcileEvery;
            searchWindow = from.searchWindow;
            entities = from.entities;
            requestsPerSecond = from.requestsPerSecond;
            metadataRefresh = from.metadataRefresh;
            auth = from.auth;
            concurrency = from.concurrency;
        }

        private ExtractorConfig build() {
            return new ExtractorConfig(jiraUrl, email, apiToken, site, projects, bootstrapServers, topics, lookback,
                    pageSize, maxAttempts, kafkaProperties, flavour, reconcileEvery, searchWindow, entities,
                    requestsPerSecond, metadataRefresh, auth, concurrency);
        }
    }
}
