package io.j2o.cli.replay;

import io.j2o.cli.config.ConfigFileOption;
import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.schemas.topics.ReplayEpochs;
import io.j2o.schemas.topics.TopicProvisioner;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code j2o replay}: fix forward by re-reading Kafka, never Jira. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Rewinds a stopped service so that, started again, it re-reads what Kafka already holds:",
            "  --stage transform  the transformer re-reads the selected Jira entities and re-emits the commands that",
            "                     change (after a fix to a rule or to the mapping configuration);",
            "  --stage load       the loader re-reads the commands and applies those not applied yet (e.g. after",
            "                     fixing in OpenProject what made them dead letters).",
            "With --force (transform only) the selected entities re-emit even when unchanged; the loader still writes",
            "only what differs in OpenProject. Refused while the service's consumer group has members."})
public final class ReplayCommand implements Callable<Integer> {

    private static final int REFUSED = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigFileOption configFile;

    @Option(names = "--stage", required = true, paramLabel = "transform|load",
            description = "Which service to rewind: ${COMPLETION-CANDIDATES}.")
    ReplayStage stage;

    @Option(names = "--entities", split = ",", paramLabel = "ENTITY",
            description = "Transform only: users, projects, versions, issues (comments, worklogs and links are read "
                    + "from their issues). Default: all.")
    List<String> entities = List.of();

    @Option(names = "--projects", split = ",", paramLabel = "KEY",
            description = "With --force: bump only these projects' epochs (the topics are still re-read whole).")
    List<String> projects = List.of();

    @Option(names = "--from", required = true, paramLabel = "earliest|TIME",
            description = "'earliest', or a date or date-time: the first record written at or after it.")
    String from;

    @Option(names = "--force", description = "Transform only: re-emit every selected entity, changed or not.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        ReplayPlan plan = ReplayPlan.of(stage, entities, projects, ReplayStart.parse(from), force);
        PipelineSettings settings = configFile.load().settings();
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Object> kafka = new HashMap<>(settings.loader().kafkaProperties());
        kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.loader().bootstrapServers());
        try (Admin admin = Admin.create(kafka)) {
            new TopicProvisioner(admin, settings.replicationFactor()).ensure(settings.topics().all(settings.partitions()));
            Map<TopicPartition, Long> offsets = new GroupRewind(admin)
                    .rewind(plan.groupId(settings), plan.topics(settings.topics()), plan.start());
            out.printf("%s group %s rewound to %s on %d partition(s) of %s%n", stage.name().toLowerCase(),
                    plan.groupId(settings), plan.start(), offsets.size(), plan.topics(settings.topics()));
        } catch (ReplayRefused refused) {
            spec.commandLine().getErr().println("j2o: replay refused: " + refused.getMessage());
            return REFUSED;
        }
        if (plan.force()) {
            ReplayEpochs epochs = new EpochBump(kafka, settings.topics().replayEpochs()).bump(plan.epochScopes());
            out.printf("replay epochs now %s: the selected entities re-emit when the transformer starts%n", epochs.byScope());
        }
        out.flush();
        return 0;
    }
}
