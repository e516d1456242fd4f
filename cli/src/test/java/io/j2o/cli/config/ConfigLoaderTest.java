package io.j2o.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.schemas.avro.JiraFlavour;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Map<String, String> EXAMPLE_ENV = Map.of(
            "JIRA_API_TOKEN", "jira-secret-1234",
            "KAFKA_PASSWORD", "kafka-secret-5678",
            "SCHEMA_REGISTRY_PASSWORD", "registry-secret-9012");

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader(EXAMPLE_ENV::get);

    @Test
    void shippedExampleBecomesTheSettingsItDescribes() {
        PipelineSettings settings = loader.load(ConfigFiles.example(dir, "op-secret-3456")).settings();

        assertThat(settings.extractor().jiraUrl()).isEqualTo("https://example.atlassian.net");
        assertThat(settings.extractor().apiToken()).isEqualTo("jira-secret-1234");
        assertThat(settings.extractor().projects()).containsExactly("PROJ", "OPS");
        assertThat(settings.extractor().site()).isEqualTo("example");
        assertThat(settings.loader().apiKey()).as("file content, trimmed").isEqualTo("op-secret-3456");
        assertThat(settings.loader().jiraKeyField()).isEqualTo("customField1");
        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(settings.schemaRegistry().credentials()).hasValueSatisfying(c -> {
            assertThat(c.username()).isEqualTo("j2o");
            assertThat(c.password()).isEqualTo("registry-secret-9012");
        });
        assertThat(settings.transformer().stateDir()).isEqualTo(dir.resolve("j2o-state"));
        assertThat(settings.mappingOverrides().get("status")).containsEntry("In Review", "In testing");
        assertThat(settings.mapping().unmatchedUsers()).isEqualTo(MappingConfig.UnmatchedUsers.INVITE);
        assertThat(settings.mapping().fallbackLogin()).isEqualTo("migration-bot");
        assertThat(settings.mapping().userOverrides()).containsEntry("ann.lee@example.com", "alee").hasSize(2);
        assertThat(settings.mapping().linkTypes()).containsEntry("problem/incident", "relates");
        assertThat(settings.mapping().memberRole()).isEqualTo("Member");
        assertThat(settings.mapping().roles()).containsExactly(java.util.Map.entry("administrators", "Project admin"));
        assertThat(settings.mapping().projectParents()).containsExactly(java.util.Map.entry("alpha", "engineering"));
    }

    @Test
    void mappingAndConflictChoicesAreCheckedWithTheirPaths() {
        List<String> problems = problemsOf("""
                jira: {url: "https://jira.example.com", email: bot@example.com, apiToken: t}
                openproject: {url: "https://op.example.com", apiKey: k, jiraKeyField: customField1}
                kafka: {bootstrapServers: "localhost:9092"}
                schemaRegistry: {url: "http://registry:8081"}
                loader: {conflictPolicy: maybe}
                mapping:
                  users: {unmatched: everyone}
                  linkTypes: {Blocks: stops}
                  memberRole: ""
                """);

        assertThat(problems).containsExactlyInAnyOrder(
                "loader.conflictPolicy: must be JIRA_WINS, OPENPROJECT_WINS or PARK, was maybe",
                "mapping.users.unmatched: must be invite or fallback, was everyone",
                "mapping.linkTypes.blocks: must be one of [blocked, blocks, duplicated, duplicates, follows, includes, "
                        + "partof, precedes, relates, required, requires], was 'stops'",
                "mapping.memberRole: must name an OpenProject role, was ''");
    }

    @Test
    void kafkaPropertiesReachEveryClientUnchangedWithReferencesResolved() {
        PipelineSettings settings = loader.load(ConfigFiles.example(dir, "op-key")).settings();

        Map<String, Object> expected = Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"j2o\" password=\"kafka-secret-5678\";");
        assertThat(settings.extractor().kafkaProperties()).isEqualTo(expected);
        assertThat(settings.transformer().kafkaProperties()).isEqualTo(expected);
        assertThat(settings.loader().kafkaProperties()).isEqualTo(expected);
    }

    @Test
    void everyOptionalValueHasADefault() {
        ConfigLoader.Loaded loaded = loader.load(ConfigFiles.write(dir, "j2o.yaml", ConfigFiles.MINIMAL));
        J2oConfig config = loaded.config();
        PipelineSettings settings = loaded.settings();

        assertThat(config.jira().site()).as("the URL's host").isEqualTo("example.atlassian.net");
        assertThat(config.jira().flavour()).isEqualTo("CLOUD");
        assertThat(settings.topics().prefix()).isEqualTo("j2o.");
        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(settings.schemaRegistry().credentials()).isEmpty();
        assertThat(settings.extractor().projects()).isEmpty();
        assertThat(settings.extractor().lookback()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.extractor().pageSize()).isEqualTo(100);
        assertThat(settings.extractor().flavour()).isEqualTo(JiraFlavour.CLOUD);
        assertThat(settings.extractor().reconcileEvery()).isEqualTo(10);
        assertThat(settings.extractor().concurrency()).isEqualTo(4);
        assertThat(config.extractor().pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.transformer().applicationId()).isEqualTo("j2o-transformer");
        assertThat(settings.transformer().streamThreads()).isEqualTo(1);
        assertThat(settings.loader().groupId()).isEqualTo("j2o-loader");
        assertThat(settings.loader().concurrency()).isEqualTo(8);
        assertThat(settings.loaderInstances()).isEqualTo(1);
        assertThat(settings.extractor().kafkaProperties()).isEmpty();
        assertThat(settings.mappingOverrides().values()).allMatch(Map::isEmpty);
    }

    @Test
    void dataCenterFlavourAndReconciliationIntervalReachTheExtractor() {
        PipelineSettings settings = loader.load(ConfigFiles.write(dir, "j2o.yaml", ConfigFiles.MINIMAL
                .replace("  url: https://example.atlassian.net\n", "  url: https://jira.example.com\n  flavour: DATA_CENTER\n")
                + "extractor:\n  reconcileEvery: 4\n  concurrency: 8\n")).settings();

        assertThat(settings.extractor().flavour()).isEqualTo(JiraFlavour.DATA_CENTER);
        assertThat(settings.extractor().reconcileEvery()).isEqualTo(4);
        assertThat(settings.extractor().concurrency()).isEqualTo(8);
    }

    @Test
    void everyProblemIsListedAtOnceWithItsPathAndTheValueSeen() {
        List<String> problems = problemsOf("""
                jira:
                  url: not a url
                  email: bot@example.com
                  apiToken: t
                  flavour: SERVER
                openproject:
                  url: https://op.example.com
                  apiKey: k
                  jiraKeyField: Jira Key
                kafka:
                  bootstrapServers: localhost:9092
                  partitions: 0
                schemaRegistry:
                  url: ftp://registry
                extractor:
                  projects: [PROJ, lower]
                  lookback: soon
                  pageSize: 0
                  pollInterval: 0s
                  concurrency: 33
                transformer:
                  streamThreads: many
                loader:
                  concurrency: 0
                  instances: 100
                """);

        assertThat(problems).containsExactlyInAnyOrder(
                "jira.url: must be an http(s) URL, was not a url",
                "jira.flavour: must be CLOUD or DATA_CENTER, was SERVER",
                "extractor.lookback: must be a duration like 30s, 5m or PT30S, was 'soon' (line 17)",
                "extractor.pollInterval: must be more than 0 and at most 24h, was PT0S",
                "transformer.streamThreads: must be a whole number, was 'many' (line 22)",
                "extractor.projects: 'lower' is not a Jira project key",
                "extractor.pageSize: must be 1..5000, was 0",
                "extractor.concurrency: must be 1..32, was 33",
                "openproject.jiraKeyField: must look like customField<N>, was Jira Key",
                "loader.concurrency: must be 1..512, was 0",
                "schemaRegistry.url: must be http or https, was ftp://registry",
                "kafka.partitions: must be 1..1000, was 0",
                "loader.instances: must be 1..64, was 100");
    }

    @Test
    void missingRequiredValuesAreEachReportedOnce() {
        assertThat(problemsOf("extractor:\n  pageSize: 50\n")).containsExactlyInAnyOrder(
                "jira.url: must be set",
                "jira.email: must be set",
                "jira.apiToken: must be set",
                "openproject.url: must be set",
                "openproject.apiKey: must be set",
                "openproject.jiraKeyField: must look like customField<N>, was null",
                "kafka.bootstrapServers: must be set",
                "schemaRegistry.url: must be set");
    }

    @Test
    void unknownKeysAreRefusedWithTheirNameLineAndTheKnownKeys() {
        List<String> problems = problemsOf(ConfigFiles.MINIMAL + """
                loader:
                  concurency: 4
                mapping:
                  resolution:
                    Fixed: Closed
                jria:
                  url: x
                """);

        assertThat(problems).containsExactlyInAnyOrder(
                "loader.concurency: unknown key at line 14; known keys: concurrency, conflictPolicy, groupId, instances, maxAttempts, originalAuthors, requestsPerSecond",
                "mapping.resolution: unknown key at line 16; known keys: components, customFields, labels, linkTypes, memberRole, priority, projects, roles, sprints, status, type, users",
                "jria: unknown key at line 18; known keys: extractor, jira, kafka, loader, mapping, openproject, "
                        + "schemaRegistry, transformer");
    }

    @Test
    void wrongShapesAreReportedWithoutStoppingTheRest() {
        List<String> problems = problemsOf(ConfigFiles.MINIMAL.replace("bootstrapServers: localhost:9092",
                "bootstrapServers: [a, b]") + """
                loader: fast
                extractor:
                  projects: PROJ
                """);

        assertThat(problems).contains(
                "kafka.bootstrapServers: must be a text value, was a list (line 10)",
                "loader: must be a mapping, was 'fast' (line 13)");
        assertThat(problems).anyMatch(p -> p.startsWith("extractor.projects"));
    }

    @Test
    void environmentAndFileReferencesResolveWithFileContentTrimmed() {
        ConfigFiles.write(dir, "op.key", "  op-from-file \n");
        Path file = ConfigFiles.write(dir, "j2o.yaml", ConfigFiles.MINIMAL
                .replace("jira-token-literal", "${env:JIRA_API_TOKEN}")
                .replace("op-key-literal", "${file:" + dir.resolve("op.key") + "}"));

        PipelineSettings settings = loader.load(file).settings();

        assertThat(settings.extractor().apiToken()).isEqualTo("jira-secret-1234");
        assertThat(settings.loader().apiKey()).isEqualTo("op-from-file");
    }

    @Test
    void unsetEnvironmentVariableAndUnreadableFileAreConfigurationErrors() {
        List<String> problems = problemsOf(ConfigFiles.MINIMAL
                .replace("jira-token-literal", "${env:JIRA_TOKEN}")
                .replace("op-key-literal", "${file:/nonexistent/op.key}")
                .replace("http://localhost:8081", "${vault:registry}"));

        assertThat(problems).containsExactlyInAnyOrder(
                "jira.apiToken: environment variable JIRA_TOKEN is not set",
                "openproject.apiKey: cannot read file /nonexistent/op.key (NoSuchFileException)",
                "schemaRegistry.url: unknown reference ${vault:…}; use ${env:NAME} or ${file:PATH}");
    }

    @Test
    void secretsAppearNeitherInToStringNorInThePrintedConfiguration() {
        ConfigLoader.Loaded loaded = loader.load(ConfigFiles.example(dir, "op-secret-3456"));
        String printed = ConfigPrinter.toYaml(loaded.config());
        List<String> secrets = List.of("jira-secret-1234", "kafka-secret-5678", "registry-secret-9012", "op-secret-3456");

        for (String shown : List.of(printed, loaded.config().toString(), loaded.settings().toString())) {
            secrets.forEach(secret -> assertThat(shown).doesNotContain(secret));
        }
        assertThat(printed).contains("apiToken: '****'", "apiKey: '****'", "password: '****'",
                "sasl.jaas.config: '****'", "security.protocol: SASL_SSL", "pollInterval: PT30S");
    }

    @Test
    void aSecretEchoedByAValidationMessageIsMasked() {
        Map<String, String> env = Map.of("SITE", "site with spaces");
        List<String> problems = problemsOf(new ConfigLoader(env::get),
                ConfigFiles.MINIMAL.replace("apiToken: jira-token-literal", "apiToken: t\n  site: ${env:SITE}"));

        assertThat(problems).containsExactly("jira.site: letters, digits, '.', '_' and '-' only, was ****");
    }

    @Test
    void syntaxErrorsAndMissingFilesAreReportedNotThrown() {
        assertThat(problemsOf("jira: [unclosed\n")).singleElement().asString().startsWith("(file): not valid YAML");
        assertThat(problemsOf(loader, dir.resolve("absent.yaml")))
                .containsExactly("(file): not found: " + dir.resolve("absent.yaml").toAbsolutePath());
        assertThat(problemsOf("")).containsExactly("(file): is empty; see j2o.example.yaml");
    }

    @Test
    void durationsInShortAndIsoForms() {
        assertThat(ConfigDurations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ConfigDurations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigDurations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigDurations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ConfigDurations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(ConfigDurations.parse("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigDurations.parse("pt1m")).isEqualTo(Duration.ofMinutes(1));
    }

    private List<String> problemsOf(String yaml) {
        return problemsOf(loader, yaml);
    }

    private List<String> problemsOf(ConfigLoader configLoader, String yaml) {
        return problemsOf(configLoader, ConfigFiles.write(dir, "j2o.yaml", yaml));
    }

    private static List<String> problemsOf(ConfigLoader configLoader, Path file) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> configLoader.load(file));
        assertThat(e).as("the file must be refused").isNotNull();
        return e.problems();
    }
}
