package io.j2o.cli.demo;

import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.extractor.ExtractorConfig;
import io.j2o.loader.LoaderConfig;
import io.j2o.loader.jira.JiraCredentials;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.WorkPackageCustomField;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.openproject.CustomFieldDefinition;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.sandbox.registry.EmbeddedSchemaRegistry;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.topics.Topics;
import io.j2o.transformer.TransformerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Everything the demo runs against instead of real infrastructure, all in this JVM: a real Kafka broker, the
 * embedded schema registry, and the Jira and OpenProject simulators.
 */
public final class EmbeddedSandbox implements AutoCloseable {

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final EmbeddedKafka kafka;
    private final EmbeddedSchemaRegistry registry;
    private final JiraSimulator jira;
    private final OpenProjectSimulator openProject;

    /** A sandbox with a simulated Jira Cloud. */
    public EmbeddedSandbox(JiraDataset dataset) {
        this(dataset, JiraSimulator.Flavour.CLOUD);
    }

    EmbeddedSandbox(JiraDataset dataset, JiraSimulator.Flavour flavour) {
        try {
            kafka = remember(EmbeddedKafka.start());
            registry = remember(new EmbeddedSchemaRegistry(kafka.bootstrapServers()).start());
            JiraSimulator.Options jiraOptions = flavour == JiraSimulator.Flavour.DATA_CENTER
                    ? JiraSimulator.Options.dataCenter().withCredentials("demo", UUID.randomUUID().toString())
                    : JiraSimulator.Options.defaults().withCredentials("demo@j2o.example", UUID.randomUUID().toString());
            jira = remember(new JiraSimulator(dataset, jiraOptions).start());
            openProject = remember(new OpenProjectSimulator(OpenProjectSimulator.Options.defaults(UUID.randomUUID().toString())
                    .withCustomFields(DatasetCustomFields.openProjectFields(dataset))).start());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    EmbeddedKafka kafka() {
        return kafka;
    }

    String registryUrl() {
        return registry.baseUrl();
    }

    JiraSimulator jira() {
        return jira;
    }

    OpenProjectSimulator openProject() {
        return openProject;
    }

    Duration kafkaStartup() {
        return kafka.startupTime();
    }

    /** The simulated OpenProject's work-package custom fields, which the demo's mapping fills. */
    public List<WorkPackageCustomField> customFields() {
        return WorkPackageCustomField.fromSchema(openProject.customFieldSchema());
    }

    /**
     * The three services configured against this sandbox, with the demo's defaults: the generated custom fields,
     * labels and components mapped onto the simulated OpenProject's, attachments read with the Jira credentials.
     */
    public PipelineSettings pipelineSettings(int partitions, int loaderInstances, int loaderConcurrency, Path stateDir) {
        return pipelineSettings(partitions, loaderInstances, loaderConcurrency, stateDir, generatedSiteMapping(DatasetCustomFields.ids(0)));
    }

    /** The demo's mapping of a generated site whose custom fields have {@code fields}' ids (its id base's). */
    static MappingConfig generatedSiteMapping(DatasetCustomFields.Ids fields) {
        return MappingConfig.defaults().withCustomFields(fields.jiraToOpenProject())
                .withLabels(DatasetCustomFields.LABELS_FIELD).withComponents(DatasetCustomFields.COMPONENTS_FIELD);
    }

    /** @param mapping the operator's choices; a seeded site's fields are not the generated ones, so none is mapped */
    public PipelineSettings pipelineSettings(int partitions, int loaderInstances, int loaderConcurrency, Path stateDir,
                                             MappingConfig mapping) {
        Topics topics = Topics.defaults();
        String bootstrap = kafka.bootstrapServers();
        JiraSimulator.Options credentials = jira.options();
        JiraFlavour flavour = credentials.flavour() == JiraSimulator.Flavour.DATA_CENTER ? JiraFlavour.DATA_CENTER : JiraFlavour.CLOUD;
        return new PipelineSettings(topics, partitions, (short) 1, registry.baseUrl(), Optional.empty(),
                new ExtractorConfig(jira.baseUrl(), credentials.email(), credentials.apiToken(), "demo", List.of(), bootstrap,
                        topics, Duration.ofMinutes(1), 100, 6, Map.of()).withFlavour(flavour),
                new TransformerConfig(bootstrap, "j2o-transformer", topics, stateDir, 1, Map.of()),
                new LoaderConfig(bootstrap, "j2o-loader", topics, openProject.baseUrl(), openProject.apiKey(),
                        CustomFieldDefinition.jiraKey().property(), loaderConcurrency, 6, Map.of())
                        .withJira(JiraCredentials.basic(jira.baseUrl(), credentials.email(), credentials.apiToken())),
                loaderInstances, Map.of(), mapping);
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("j2o: could not stop " + e);
            }
        }
    }
}
