package io.j2o.cli.config;

import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.extractor.ExtractorConfig;
import io.j2o.extractor.jira.JiraAuth;
import io.j2o.loader.LoaderConfig;
import io.j2o.loader.jira.JiraCredentials;
import io.j2o.loader.upsert.ConflictPolicy;
import io.j2o.loader.upsert.OriginalAuthors;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.registry.RegistryCredentials;
import io.j2o.schemas.registry.SchemaRegistryConfig;
import io.j2o.schemas.topics.Topics;
import io.j2o.transformer.TransformerConfig;
import io.j2o.transformer.rules.MappingConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Builds the services' configuration records from the file's sections. The records validate themselves; their
 * messages are collected here next to the few checks only the file has (URLs, flavour, durations, credentials).
 */
final class SettingsAssembler {

    /** The records report several problems joined by "; ", each starting with its path. */
    private static final Pattern BETWEEN_PROBLEMS = Pattern.compile("; (?=[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z0-9]+)+: )");

    /** Where a record's path differs from the file's: the loader owns the Jira-key field, the file keeps it with OpenProject. */
    private static final Map<String, String> FILE_PATHS = Map.of("loader.jiraKeyField", "openproject.jiraKeyField");

    private SettingsAssembler() {
    }

    /** @return the settings, or null when a problem (already recorded in {@code reading}) prevents building them */
    static PipelineSettings assemble(J2oConfig config, Path baseDir, ConfigReading reading) {
        checkFileLevel(config, reading);
        J2oConfig.Kafka kafka = config.kafka();
        Topics topics = build(reading, "kafka.topicPrefix", () -> new Topics(kafka.topicPrefix()));
        Topics usable = topics != null ? topics : Topics.defaults();
        Map<String, Object> kafkaProperties = Map.copyOf(kafka.properties());

        J2oConfig.Jira jira = config.jira();
        J2oConfig.Extractor extraction = config.extractor();
        // An unknown flavour is already reported; Cloud stands in so the extractor's own problems are reported too.
        JiraFlavour flavour = flavourOf(jira) != null ? flavourOf(jira) : JiraFlavour.CLOUD;
        JiraAuth auth = JiraAuth.named(jira.auth()).orElseGet(() -> {
            reading.add("jira.auth", "must be basic or pat, was " + jira.auth());
            return JiraAuth.BASIC;
        });
        ExtractorConfig extractor = build(reading, null, () -> new ExtractorConfig(jira.url(),
                jira.email(), reveal(jira.apiToken()), jira.site(), extraction.projects(), kafka.bootstrapServers(), usable,
                extraction.lookback(), extraction.pageSize(), extraction.maxAttempts(), kafkaProperties, flavour,
                extraction.reconcileEvery(), ExtractorConfig.DEFAULT_SEARCH_WINDOW, extraction.entities(),
                extraction.requestsPerSecond(), extraction.metadataRefresh(), auth, extraction.concurrency()));

        J2oConfig.Transformer transformation = config.transformer();
        TransformerConfig transformer = build(reading, null, () -> new TransformerConfig(kafka.bootstrapServers(),
                transformation.applicationId(), usable, baseDir.resolve(transformation.stateDir()),
                transformation.streamThreads(), kafkaProperties));

        J2oConfig.OpenProject openProject = config.openproject();
        J2oConfig.Loader loading = config.loader();
        ConflictPolicy conflictPolicy = conflictPolicy(loading, reading);
        LoaderConfig loader = build(reading, null, () -> new LoaderConfig(kafka.bootstrapServers(), loading.groupId(),
                usable, openProject.url(), reveal(openProject.apiKey()), openProject.jiraKeyField(),
                loading.concurrency(), loading.maxAttempts(), kafkaProperties,
                conflictPolicy != null ? conflictPolicy : ConflictPolicy.JIRA_WINS, loading.requestsPerSecond())
                // The loader streams attachments from Jira with the extractor's account.
                .withJira(auth == JiraAuth.PAT ? JiraCredentials.bearer(jira.url(), reveal(jira.apiToken()))
                        : JiraCredentials.basic(jira.url(), jira.email(), reveal(jira.apiToken())))
                .withOriginalAuthors(OriginalAuthors.parse(loading.originalAuthors())));

        J2oConfig.SchemaRegistry registry = config.schemaRegistry();
        Optional<RegistryCredentials> credentials = registry.username() == null || registry.password() == null
                ? Optional.empty()
                : Optional.ofNullable(build(reading, "schemaRegistry.username",
                        () -> new RegistryCredentials(registry.username(), registry.password().reveal())));
        if (registry.url() == null) {
            reading.add("schemaRegistry.url", "must be set");
        } else {
            build(reading, null, () -> SchemaRegistryConfig.of(registry.url()));
        }

        MappingConfig.UnmatchedUsers unmatched = unmatchedUsers(config.mapping().users(), reading);
        MappingConfig.Sprints sprints = sprints(config.mapping().sprints(), reading);
        // An unknown choice is already reported; a default stands in so the rest of the mapping is checked too.
        MappingConfig mapping = build(reading, null, () -> mappingConfig(config.mapping(),
                unmatched != null ? unmatched : MappingConfig.UnmatchedUsers.INVITE)
                .withSprints(sprints).withRoles(config.mapping().roles()));
        PipelineSettings settings = build(reading, null, () -> new PipelineSettings(usable, kafka.partitions(),
                kafka.replicationFactor().shortValue(), registry.url(), credentials, extractor, transformer, loader,
                loading.instances(), config.mapping().overrides(), mapping != null ? mapping : MappingConfig.defaults()));
        return topics == null || extractor == null || transformer == null || loader == null || mapping == null
                || unmatched == null || sprints == null || conflictPolicy == null ? null : settings;
    }

    private static void checkFileLevel(J2oConfig config, ConfigReading reading) {
        checkUrl(reading, "jira.url", config.jira().url());
        checkUrl(reading, "openproject.url", config.openproject().url());
        if (flavourOf(config.jira()) == null) {
            reading.add("jira.flavour", "must be CLOUD or DATA_CENTER, was " + config.jira().flavour());
        }
        Duration pollInterval = config.extractor().pollInterval();
        if (pollInterval.isNegative() || pollInterval.isZero() || pollInterval.compareTo(Duration.ofDays(1)) > 0) {
            reading.add("extractor.pollInterval", "must be more than 0 and at most 24h, was " + pollInterval);
        }
        Integer replicationFactor = config.kafka().replicationFactor();
        if (replicationFactor > Short.MAX_VALUE) {
            reading.add("kafka.replicationFactor", "must be 1..16, was " + replicationFactor);
        }
        J2oConfig.SchemaRegistry registry = config.schemaRegistry();
        if ((registry.username() == null) != (registry.password() == null)) {
            reading.add(registry.username() == null ? "schemaRegistry.username" : "schemaRegistry.password",
                    "must be set together with schemaRegistry." + (registry.username() == null ? "password" : "username"));
        }
        config.mapping().overrides().forEach((vocabulary, names) -> names.forEach((jiraName, openProjectName) -> {
            if (openProjectName == null || openProjectName.isBlank()) {
                reading.add("mapping." + vocabulary + "." + jiraName, "must name an OpenProject " + vocabulary);
            }
        }));
    }

    private static ConflictPolicy conflictPolicy(J2oConfig.Loader loading, ConfigReading reading) {
        try {
            return ConflictPolicy.valueOf(loading.conflictPolicy().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            reading.add("loader.conflictPolicy", "must be JIRA_WINS, OPENPROJECT_WINS or PARK, was " + loading.conflictPolicy());
            return null;
        }
    }

    private static MappingConfig.UnmatchedUsers unmatchedUsers(J2oConfig.Users users, ConfigReading reading) {
        return switch (users.unmatched().toLowerCase(Locale.ROOT)) {
            case "invite" -> MappingConfig.UnmatchedUsers.INVITE;
            case "fallback" -> MappingConfig.UnmatchedUsers.FALLBACK;
            default -> {
                reading.add("mapping.users.unmatched", "must be invite or fallback, was " + users.unmatched());
                yield null;
            }
        };
    }

    private static MappingConfig mappingConfig(J2oConfig.Mapping mapping, MappingConfig.UnmatchedUsers unmatched) {
        J2oConfig.Users users = mapping.users();
        return new MappingConfig(users.overrides(), unmatched, users.fallbackLogin(), mapping.linkTypes(),
                mapping.memberRole()).withCustomFields(mapping.customFields()).withLabels(mapping.labels())
                .withComponents(mapping.components()).withProjectParents(mapping.projects().parent());
    }

    private static MappingConfig.Sprints sprints(String value, ConfigReading reading) {
        try {
            return MappingConfig.Sprints.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reading.add("mapping.sprints", "must be version or ignore, was " + value);
            return null;
        }
    }

    /** The flavour the file names, or null when it names none we know. */
    private static JiraFlavour flavourOf(J2oConfig.Jira jira) {
        try {
            return JiraFlavour.valueOf(jira.flavour());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Stricter than the records' pattern: the URL must parse and name a host. */
    private static void checkUrl(ConfigReading reading, String path, String url) {
        if (url == null) {
            reading.add(path, "must be set");
            return;
        }
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() != null) {
                // Not echoed: user info may hold a password.
                reading.add(path, "must not contain user info; use the credential keys of this section");
            } else if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                reading.add(path, "must be an http(s) URL, was " + url);
            }
        } catch (java.net.URISyntaxException e) {
            reading.add(path, "must be an http(s) URL, was " + url);
        }
    }

    /**
     * Builds one record, collecting its problems instead of stopping; {@code path} prefixes a message that has none
     * of its own.
     */
    private static <T> T build(ConfigReading reading, String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            for (String problem : BETWEEN_PROBLEMS.split(e.getMessage())) {
                String message = path == null ? problem : path + ": " + problem;
                for (Map.Entry<String, String> rename : FILE_PATHS.entrySet()) {
                    if (message.startsWith(rename.getKey() + ":")) {
                        message = rename.getValue() + message.substring(rename.getKey().length());
                    }
                }
                reading.addReported(message);
            }
            return null;
        }
    }

    private static String reveal(Secret secret) {
        return secret == null ? null : secret.reveal();
    }
}
