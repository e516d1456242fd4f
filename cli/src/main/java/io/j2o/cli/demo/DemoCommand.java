package io.j2o.cli.demo;

import io.j2o.sandbox.jira.JiraSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code j2o demo}: the whole pipeline against an embedded broker and simulated Jira and OpenProject. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
            "Runs everything in this JVM: a real Kafka broker (KRaft), the schema registry, a simulated Jira seeded",
            "with a generated dataset, a simulated OpenProject, and the extractor, transformer and loader.",
            "Prints counts per kind as it goes and writes DIR/validation.json at the end."})
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--projects", defaultValue = "3", description = "Jira projects to generate (default: ${DEFAULT-VALUE}).")
    int projects;

    @Option(names = "--issues", defaultValue = "300", description = "Jira issues to generate (default: ${DEFAULT-VALUE}).")
    int issues;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated dataset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--flavour", defaultValue = "cloud", description = {
        "Which Jira to simulate: cloud (REST v3, ADF, accountIds) or datacenter (Data Center 10.3: REST v2,",
        "wiki markup, usernames, startAt paging) (default: ${DEFAULT-VALUE})."})
    String flavour;

    @Option(names = "--jira-seed-dir", paramLabel = "DIR", description = {
        "Serve the real Jira REST JSON found in DIR (issues, search pages, project lists...) instead of a generated",
        "site; whatever cannot be served is listed in the report with its file and reason. With --issues or",
        "--projects as well, one site serves both: the seeded JSON and a generated site, its ids above the seed's."})
    Path jiraSeedDir;

    @Option(names = "--once", description = {"Migrate, then re-extract everything once (a resync that must write nothing),",
        "validate and exit: 0 when nothing is missing, duplicated or different."})
    boolean once;

    @Option(names = "--report-dir", defaultValue = "reports", description = "Where validation.json goes (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--dump-openproject", paramLabel = "FILE", description = "Write the simulated OpenProject's whole state as JSON.")
    Path dumpOpenProject;

    @Option(names = "--partitions", defaultValue = "6", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--loader-instances", defaultValue = "1", description = "Loader instances (default: ${DEFAULT-VALUE}).")
    int loaderInstances;

    @Option(names = "--loader-concurrency", defaultValue = "8", description = "Commands in flight per loader instance (default: ${DEFAULT-VALUE}).")
    int loaderConcurrency;

    @Option(names = "--poll-interval", defaultValue = "PT30S", description = "Pause between extraction passes without --once (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--jira-edit-interval", defaultValue = "PT3S", description = {
        "Without --once: edit a random Jira issue's summary, description or status, or create an issue, this often,",
        "and print how long each edit took to reach OpenProject; PT0S edits nothing (default: ${DEFAULT-VALUE})."})
    Duration jiraEditInterval;

    @Option(names = "--faults", paramLabel = "SPEC", description = {
        "Faults for the simulated services, e.g. \"openproject:latency=20ms,5xx=0.05,409=0.02\"",
        "(5xx and 429: share of all requests; 409: share of updates)."})
    String faults;

    @Option(names = "--timeout", defaultValue = "PT20M", description = "Give up waiting for convergence after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        if (projects < 1 || projects > 100) {
            throw new IllegalArgumentException("--projects: must be 1..100, was " + projects);
        }
        if (issues < 0 || issues > 1_000_000) {
            throw new IllegalArgumentException("--issues: must be 0..1000000, was " + issues);
        }
        if (jiraEditInterval.isNegative()) {
            throw new IllegalArgumentException("--jira-edit-interval: must not be negative, was " + jiraEditInterval);
        }
        jiraFlavour();
        FaultPlan faultPlan = faults == null ? FaultPlan.none() : FaultPlan.parse(faults);
        return new DemoRun(this, faultPlan, spec.commandLine().getOut()).execute();
    }

    /** Whether the site mixes the seed directory with a generated site: only when asked for generated issues. */
    boolean mixesGeneratedSite() {
        ParseResult parsed = spec.commandLine().getParseResult();
        return jiraSeedDir != null && (parsed.hasMatchedOption("--issues") || parsed.hasMatchedOption("--projects"));
    }

    JiraSimulator.Flavour jiraFlavour() {
        return switch (flavour.toLowerCase(Locale.ROOT)) {
            case "cloud" -> JiraSimulator.Flavour.CLOUD;
            case "datacenter", "data-center", "data_center", "dc" -> JiraSimulator.Flavour.DATA_CENTER;
            default -> throw new IllegalArgumentException("--flavour: must be cloud or datacenter, was " + flavour);
        };
    }
}
