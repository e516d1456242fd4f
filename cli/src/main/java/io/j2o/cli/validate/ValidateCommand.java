package io.j2o.cli.validate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.j2o.cli.config.ConfigFileOption;
import io.j2o.cli.demo.EmbeddedSandbox;
import io.j2o.cli.pipeline.OpenProjectCatalogs;
import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSeedDirectory;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.MetadataCoverage;
import io.j2o.transformer.rules.WorkPackageCustomField;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code j2o validate --pre}: everything a run needs, checked before it starts. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "--pre: checks, before a run, that Kafka, the schema registry, Jira and OpenProject answer with the configured",
            "credentials, and shows how every Jira type, status and priority will be mapped: a name that nothing matches",
            "(it would silently become OpenProject's default) is a warning with the mapping entry to add.",
            "Exit 0 when nothing failed (warnings allowed), 1 otherwise."})
public final class ValidateCommand implements Callable<Integer> {

    private static final long DEMO_SEED = 42;
    private static final int DEMO_PROJECTS = 3;
    private static final int DEMO_ISSUES = 300;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--pre", required = true, description = "Check before a run (the post-migration comparison is the "
            + "validation report `j2o demo` writes).")
    boolean pre;

    @Option(names = "--json", description = "Print the findings as JSON.")
    boolean json;

    @Option(names = "--sandbox", description = "Check the embedded sandbox instead of --config: a simulated Jira holding "
            + "the demo's generated site or --jira-seed-dir, and an empty simulated OpenProject.")
    boolean sandbox;

    @Option(names = "--jira-seed-dir", paramLabel = "DIR", description = "With --sandbox: a folder of real Jira REST JSON "
            + "(as for j2o demo) whose metadata is checked.")
    Path jiraSeedDir;

    @Override
    public Integer call() throws Exception {
        if (!sandbox) {
            return check(configFile.load().settings(), List.of());
        }
        JiraDataset dataset = jiraSeedDir == null ? new DatasetGenerator(DEMO_SEED).generate(DEMO_PROJECTS, DEMO_ISSUES)
                : JiraSeedDirectory.load(jiraSeedDir).dataset();
        try (EmbeddedSandbox embedded = new EmbeddedSandbox(dataset)) {
            Path stateDir = Files.createTempDirectory("j2o-validate");
            // A seeded site's fields are not the generated ones the demo maps, as in j2o demo.
            return check(jiraSeedDir == null ? embedded.pipelineSettings(1, 1, 1, stateDir)
                    : embedded.pipelineSettings(1, 1, 1, stateDir, MappingConfig.defaults()), embedded.customFields());
        }
    }

    /** @param knownCustomFields OpenProject's custom fields when known without asking it (the sandbox's) */
    private int check(PipelineSettings settings, List<WorkPackageCustomField> knownCustomFields) throws Exception {
        JiraClient jira = settings.extractor().jiraClient();
        OpenProjectClient openProject = settings.loader().openProjectClient();
        List<PreflightCheck> checks = new ArrayList<>(new ConnectivityChecks(settings, jira, openProject).run());
        if (checks.stream().noneMatch(check -> check.verdict() == PreflightCheck.Verdict.FAIL
                && (check.area().equals("jira") || check.area().equals("openproject")))) {
            MetadataCoverage coverage = new MetadataCoverage(OpenProjectCatalogs.read(openProject, settings.mappingOverrides()));
            String apiPath = settings.extractor().flavour() == JiraFlavour.CLOUD ? "/rest/api/3" : "/rest/api/2";
            checks.addAll(new MetadataChecks(jira, apiPath, coverage).run());
            checks.addAll(new FieldMappingChecks(jira, apiPath, settings.mapping(), () -> OpenProjectCatalogs.read(openProject,
                    settings.mappingOverrides(), settings.mapping(), knownCustomFields).customFields()).run());
        }
        print(checks);
        return checks.stream().anyMatch(check -> check.verdict() == PreflightCheck.Verdict.FAIL) ? 1 : 0;
    }

    private void print(List<PreflightCheck> checks) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(checks));
        } else {
            checks.forEach(out::println);
            out.printf("%d ok, %d warning(s), %d failure(s)%n", count(checks, PreflightCheck.Verdict.OK),
                    count(checks, PreflightCheck.Verdict.WARN), count(checks, PreflightCheck.Verdict.FAIL));
        }
        out.flush();
    }

    private static long count(List<PreflightCheck> checks, PreflightCheck.Verdict verdict) {
        return checks.stream().filter(check -> check.verdict() == verdict).count();
    }
}
