package io.j2o.cli.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.cli.pipeline.ContinuousSync;
import io.j2o.cli.pipeline.OpenProjectCatalogs;
import io.j2o.cli.pipeline.Pipeline;
import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.cli.report.DeadLetters;
import io.j2o.cli.report.JiraKeys;
import io.j2o.cli.report.JiraState;
import io.j2o.cli.report.KindReport;
import io.j2o.cli.report.MigrationValidator;
import io.j2o.cli.report.OpenProjectState;
import io.j2o.cli.report.ValidationReport;
import io.j2o.extractor.ExtractionStats;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.SiteMix;
import io.j2o.sandbox.jira.JiraSeedDirectory;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.rules.WorkPackageCustomField;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One demo run: start the sandbox and the pipeline, migrate the generated dataset, then either resync once and
 * validate, or keep syncing until interrupted.
 */
final class DemoRun {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final DemoCommand options;
    private final FaultPlan faults;
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();
    private JiraSeedDirectory.Seed seed;
    /** The generated site's custom field ids, to map; null for a site of seeded JSON alone. */
    private DatasetCustomFields.Ids generatedFields;
    private SiteMix mix;
    /** Counted down when the run is over, report written and everything closed; a Ctrl-C waits for it. */
    private final CountDownLatch finished = new CountDownLatch(1);
    private final HeardDeadLetters deadLetters = new HeardDeadLetters();
    private static final Duration SETTLE_AFTER_CTRL_C = Duration.ofSeconds(15);

    DemoRun(DemoCommand options, FaultPlan faults, PrintWriter out) {
        this.options = options;
        this.faults = faults;
        this.out = out;
    }

    int execute() throws IOException, InterruptedException {
        try {
            return run();
        } finally {
            finished.countDown();
        }
    }

    private int run() throws IOException, InterruptedException {
        JiraDataset dataset = dataset();
        Path stateDir = Files.createTempDirectory("j2o-streams-");
        try (EmbeddedSandbox sandbox = new EmbeddedSandbox(dataset, options.jiraFlavour())) {
            out.printf("Kafka broker (KRaft, in-process) ready at %s in %d ms%n",
                    sandbox.kafka().bootstrapServers(), sandbox.kafkaStartup().toMillis());
            out.printf("Jira simulator (%s) %s | OpenProject simulator %s | schema registry %s%n",
                    sandbox.jira().options().flavour(), sandbox.jira().baseUrl(), sandbox.openProject().baseUrl(), sandbox.registryUrl());
            faults.applyTo(sandbox.openProject());
            out.printf("faults: %s%n", faults);
            // A seeded site's own custom fields are not the generated ones: only the generated part's are mapped.
            PipelineSettings settings = sandbox.pipelineSettings(options.partitions, options.loaderInstances,
                    options.loaderConcurrency, stateDir, generatedFields == null ? MappingConfig.defaults()
                            : EmbeddedSandbox.generatedSiteMapping(generatedFields));
            try (Pipeline pipeline = Pipeline.start(settings, deadLetters, sandbox.customFields())) {
                return migrate(sandbox, dataset, pipeline, settings);
            }
        }
    }

    /**
     * The generated site, or the real Jira JSON of {@code --jira-seed-dir} with the list of what could not be served,
     * or both in one site when generated issues are asked for as well.
     */
    private JiraDataset dataset() {
        if (options.jiraSeedDir == null) {
            out.printf("j2o demo: %d projects, %d issues, seed %d%n", options.projects, options.issues, options.seed);
            generatedFields = DatasetCustomFields.ids(0);
            return new DatasetGenerator(options.seed).generate(options.projects, options.issues);
        }
        seed = JiraSeedDirectory.load(options.jiraSeedDir);
        JiraDataset seeded = seed.dataset();
        out.printf("j2o demo: serving %d projects and %d issues read from %s; %d files or entities left out (listed in the report)%n",
                seeded.projects().size(), seeded.issues().size(), options.jiraSeedDir, seed.report().problems().size());
        if (!options.mixesGeneratedSite()) {
            return seeded;
        }
        mix = SiteMix.of(seeded, options.seed, options.projects, options.issues);
        generatedFields = DatasetCustomFields.ids(mix.generatedIds().base());
        out.printf("j2o demo: and %d projects, %d issues generated from seed %d, their ids from %d up; %d projects, %d issues in all%n",
                options.projects, options.issues, options.seed, mix.generatedIds().base(),
                mix.dataset().projects().size(), mix.dataset().issues().size());
        return mix.dataset();
    }

    private int migrate(EmbeddedSandbox sandbox, JiraDataset dataset, Pipeline pipeline, PipelineSettings settings)
            throws IOException, InterruptedException {
        DemoProgress progress = new DemoProgress(sandbox, pipeline, out, startNanos);
        ScheduledExecutorService ticker = daemonScheduler("j2o-demo-progress");
        ticker.scheduleAtFixedRate(progress::print, 2, 2, TimeUnit.SECONDS);
        try {
            MigrationValidator validator = validator(settings, sandbox.customFields());
            long deadline = System.nanoTime() + options.timeout.toNanos();
            long migrationStart = System.nanoTime();
            ExtractionStats first = pipeline.extractor().runOnce(false);
            out.printf("extracted %d projects and %d issues%n", first.projects(), first.issues());
            ValidationReport report = awaitConverged(progress, validator, dataset, sandbox, pipeline, settings, first.events(), deadline);
            double migrationSeconds = (System.nanoTime() - migrationStart) / 1e9;
            out.printf("migrated in %.1f s: %.0f issues/s from first Jira request to the last OpenProject write%n",
                    migrationSeconds, first.issues() / migrationSeconds);
            long resyncEvents = 0;
            long resyncWrites = 0;
            if (options.once) {
                long writesBefore = sandbox.openProject().writeCount();
                long receivedBefore = pipeline.transformerCounters().received();
                out.println("resync: re-extracting everything; every event must be dropped as unchanged");
                ExtractionStats resync = pipeline.extractor().runOnce(true);
                resyncEvents = resync.events();
                report = awaitConverged(progress, validator, dataset, sandbox, pipeline, settings, receivedBefore + resyncEvents, deadline);
                resyncWrites = sandbox.openProject().writeCount() - writesBefore;
            } else {
                report = syncUntilInterrupted(progress, validator, dataset, sandbox, pipeline, settings);
            }
            // The summary is the last thing printed: no progress line may slip in after it.
            ticker.shutdownNow();
            ticker.awaitTermination(5, TimeUnit.SECONDS);
            progress.print();
            return finish(report, sandbox, resyncEvents, resyncWrites);
        } finally {
            ticker.shutdownNow();
        }
    }

    /**
     * Waits until the transformer has seen {@code expectedReceived} events, the loader has committed everything the
     * transformer emitted and OpenProject matches Jira; returns the last validation either way.
     */
    private ValidationReport awaitConverged(DemoProgress progress, MigrationValidator validator, JiraDataset dataset,
                                            EmbeddedSandbox sandbox, Pipeline pipeline, PipelineSettings settings,
                                            long expectedReceived, long deadline)
            throws InterruptedException {
        ValidationReport report = validate(validator, dataset, sandbox, pipeline, settings);
        while (System.nanoTime() < deadline) {
            if (!progress.stoppedParts().isEmpty()) {
                out.printf("stopped waiting: %s stopped (the log says why); the report shows what is missing%n",
                        progress.stoppedParts());
                return validate(validator, dataset, sandbox, pipeline, settings);
            }
            if (progress.isQuiet(expectedReceived)) {
                report = validate(validator, dataset, sandbox, pipeline, settings);
                if (report.isClean() && progress.isQuiet(expectedReceived)) {
                    return report;
                }
            }
            Thread.sleep(250);
        }
        out.printf("gave up waiting after %s: the report shows what is still missing%n", options.timeout);
        return validate(validator, dataset, sandbox, pipeline, settings);
    }

    /**
     * Extracts every poll interval and, meanwhile, edits Jira; each pass prints the edits applied since the previous
     * one and how long edits took to reach OpenProject. On Ctrl-C the edits stop and the report is written.
     */
    private ValidationReport syncUntilInterrupted(DemoProgress progress, MigrationValidator validator, JiraDataset dataset,
                                                  EmbeddedSandbox sandbox, Pipeline pipeline, PipelineSettings settings) throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.countDown();
            try {
                // The JVM halts when this hook returns: hold it until the report is written and all is closed.
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "j2o-demo-shutdown"));
        out.printf("continuous sync: polling Jira every %s, editing Jira every %s; press Ctrl-C to stop and write the report%n",
                options.pollInterval, options.jiraEditInterval.isZero() ? "never" : options.jiraEditInterval);
        SyncLatencyProbe probe = new SyncLatencyProbe(sandbox.openProject(), validator, jiraState(dataset, sandbox), deadLetters::all);
        AtomicInteger editsSincePass = new AtomicInteger();
        ScheduledExecutorService editor = daemonScheduler("j2o-demo-jira-edits");
        try {
            Optional<JiraMutator> mutator = options.jiraEditInterval.isZero() ? Optional.empty() : mutator(sandbox);
            if (mutator.isPresent()) {
                long every = options.jiraEditInterval.toMillis();
                editor.scheduleAtFixedRate(keepGoing("editing Jira", () -> {
                    probe.expect(mutator.get().next(probe.pendingKeys()));
                    editsSincePass.incrementAndGet();
                }), every, every, TimeUnit.MILLISECONDS);
                editor.scheduleWithFixedDelay(keepGoing("checking OpenProject", probe::check), 250, 250, TimeUnit.MILLISECONDS);
            }
            try (ContinuousSync sync = ContinuousSync.start(options.pollInterval, () -> pipeline.extractor().runOnce(false),
                    pass -> {
                        out.printf("pass %d %s in %.1f s | Jira edits applied since the previous pass: %d | sync latency: %s%n",
                                pass.number(), pass.failed() ? "FAILED (" + pass.error() + ")" : "extracted " + pass.stats().issues() + " issues",
                                pass.duration().toMillis() / 1000.0, editsSincePass.getAndSet(0), probe.latencies());
                        progress.print();
                    })) {
                interrupted.await();
                editor.shutdownNow();
                out.printf("sync latency of the Jira edits: %s%n", probe.latencies());
                return settleAfterLastEdits(validator, dataset, sandbox, pipeline, settings);
            }
        } finally {
            editor.shutdownNow();
        }
    }

    /**
     * After Ctrl-C: one more extraction pass picks up the last edits, then a short wait for them to land, so the
     * report describes the synced state rather than edits caught in flight. Bounded: the JVM is shutting down.
     */
    private ValidationReport settleAfterLastEdits(MigrationValidator validator, JiraDataset dataset, EmbeddedSandbox sandbox,
                                                  Pipeline pipeline, PipelineSettings settings) throws InterruptedException {
        pipeline.extractor().runOnce(false);
        long deadline = System.nanoTime() + SETTLE_AFTER_CTRL_C.toNanos();
        ValidationReport report = validate(validator, dataset, sandbox, pipeline, settings);
        while (!report.isClean() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            report = validate(validator, dataset, sandbox, pipeline, settings);
        }
        return report;
    }

    /** A site read from {@code --jira-seed-dir} may have too little to edit (one status only): then sync without edits. */
    private Optional<JiraMutator> mutator(EmbeddedSandbox sandbox) {
        try {
            return Optional.of(new JiraMutator(sandbox.jira(), options.seed));
        } catch (IllegalArgumentException e) {
            out.printf("not editing Jira: %s%n", e.getMessage());
            return Optional.empty();
        }
    }

    /** A periodic task that reports a failure and carries on: an exception would silently end its schedule. */
    private Runnable keepGoing(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                out.printf("%s failed (%s); trying again%n", what, e);
            }
        };
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    private int finish(ValidationReport report, EmbeddedSandbox sandbox, long resyncEvents, long resyncWrites) throws IOException {
        double seconds = Duration.ofNanos(System.nanoTime() - startNanos).toMillis() / 1000.0;
        Files.createDirectories(options.reportDir);
        Path file = options.reportDir.resolve("validation.json");
        long writes = sandbox.openProject().writeCount();
        ObjectNode json = report.toJson(JSON, writes, resyncEvents, resyncWrites, seconds);
        if (seed != null) {
            json.set("seed", seedJson());
        }
        JSON.writeValue(file.toFile(), json);
        if (options.dumpOpenProject != null) {
            Path parent = options.dumpOpenProject.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            JSON.writeValue(options.dumpOpenProject.toFile(), sandbox.openProject().exportState());
            out.printf("OpenProject state written to %s%n", options.dumpOpenProject);
        }
        out.printf("%nJira:        %d projects, %d issues, %d comments%n", report.jiraProjects(), report.jiraIssues(),
                report.jiraComments());
        out.printf("OpenProject: %d projects, %d work packages, %d comments, %d writes%n",
                report.openProjectProjects(), report.openProjectWorkPackages(), report.openProjectComments(), writes);
        for (KindReport kind : report.kinds()) {
            out.printf("  %-12s Jira %5d | OpenProject %5d | missing %d, duplicated %d, mismatched %d%n", kind.kind(),
                    kind.jira(), kind.openProject(), kind.missing().size(), kind.duplicates().size(), kind.mismatched().size());
        }
        out.printf("missing %d, duplicated %d, mismatched %d | accounted for: parked in the dead-letter topic %d, "
                        + "waiting for a reference %d",
                report.missing().size(), report.duplicates().size(), report.mismatched().size(), report.parked().size(),
                report.waiting().size());
        if (options.once) {
            out.printf(", resync: %d events, %d writes", resyncEvents, resyncWrites);
        }
        out.printf("%n%.1f s in all, start-up included; report: %s%n", seconds, file);
        boolean ok = report.isClean() && resyncWrites == 0;
        out.println(ok ? "OK" : "NOT OK: see the report");
        return ok || !options.once ? 0 : 1;
    }

    /** Compares Jira with OpenProject; what the dead-letter topic holds is listed as parked rather than missing. */
    private ValidationReport validate(MigrationValidator validator, JiraDataset dataset, EmbeddedSandbox sandbox,
                                      Pipeline pipeline, PipelineSettings settings) {
        List<DeadLetter> deadLetters = DeadLetters.read(sandbox.kafka().bootstrapServers(), Map.of(),
                settings.topics().deadLetters(), PipelineSerdes.using(RestSchemaRegistryClient.forUrl(sandbox.registryUrl())));
        JiraState jira = jiraState(dataset, sandbox);
        JiraKeys keys = new JiraKeys(jira);
        Map<String, ValidationReport.Waiting> waiting = new TreeMap<>();
        pipeline.waitingCommands().forEach((command, reference) ->
                waiting.put(keys.of(command), new ValidationReport.Waiting(keys.of(command), keys.of(reference))));
        return validator.validate(jira, openProjectState(sandbox.openProject()), DeadLetters.byJiraKey(deadLetters, keys), waiting);
    }

    /**
     * Jira as it is now: the issues and users as the simulator serves them (edits included; Data Center names people
     * by key), projects and versions as generated or seeded.
     */
    static JiraState jiraState(JiraDataset dataset, EmbeddedSandbox sandbox) {
        return new JiraState(dataset.projects(), sandbox.jira().issues(), sandbox.jira().users(), dataset.versions(),
                sandbox.jira().groups(), sandbox.jira().projectRoles());
    }

    static OpenProjectState openProjectState(OpenProjectSimulator openProject) {
        return new OpenProjectState(openProject.projects(), openProject.workPackages(), openProject.activities(),
                openProject.users(), openProject.versions(), openProject.memberships(), openProject.relations(),
                openProject.timeEntries(), openProject.attachments(), openProject.watchers(), openProject.groups());
    }

    /** What the seed directory held and everything left out of it, each with its file and reason. */
    private ObjectNode seedJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("directory", options.jiraSeedDir.toString());
        json.put("filesRecognised", seed.report().recognised().size());
        json.put("issuesServed", seed.dataset().issues().size());
        if (mix != null) {
            json.putObject("mixedWith").put("generatedProjects", options.projects).put("generatedIssues", options.issues)
                    .put("generatorSeed", options.seed).put("idBase", mix.generatedIds().base());
        }
        var leftOut = json.putArray("leftOut");
        seed.report().problems().forEach(problem -> {
            ObjectNode entry = leftOut.addObject().put("file", problem.file().toString()).put("reason", problem.reason());
            if (problem.key() != null) {
                entry.put("key", problem.key());
            }
        });
        return json;
    }

    /** Judges the whole migration for the report, and single edits for {@link SyncLatencyProbe}. */
    static MigrationValidator validator(PipelineSettings settings, List<WorkPackageCustomField> customFields) {
        OpenProjectClient client = settings.loader().openProjectClient();
        String jiraKeyField = settings.loader().jiraKeyField();
        MappingRules rules = new MappingRules(OpenProjectCatalogs.read(client, settings.mappingOverrides(),
                settings.mapping(), customFields), jiraKeyField, settings.mapping());
        return new MigrationValidator(rules, jiraKeyField, settings.extractor().flavour());
    }
}
