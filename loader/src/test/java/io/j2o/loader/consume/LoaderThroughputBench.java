package io.j2o.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.OpenProjectCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Loader throughput against an OpenProject that answers every request after 20 ms, for growing
 * {@code loader.concurrency} and for two instances; prints a table with each scenario's ratio to concurrency 1
 * measured in the same run. Not part of {@code verify}: run with {@code ./mvnw -B -Pbench -pl loader verify}.
 * Only correctness is asserted; the figures are for reading.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LoaderThroughputBench {

    private static final int COMMANDS = Integer.getInteger("bench.commands", 2_000);
    private static final int PROJECTS = 4;
    private static final int PARTITIONS = 6;
    private static final Duration LATENCY = Duration.ofMillis(20);

    private record Scenario(int instances, int concurrency) {
    }

    private record Result(Scenario scenario, double seconds) {
        double perSecond() {
            return COMMANDS / seconds;
        }
    }

    @Test
    void throughputGrowsWithConcurrencyAndInstances(EmbeddedKafka kafka) throws Exception {
        List<Scenario> scenarios = List.of(new Scenario(1, 1), new Scenario(1, 8), new Scenario(1, 64), new Scenario(2, 64));
        List<Result> results = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            results.add(run(kafka, scenario));
        }
        double baseline = results.get(0).perSecond();
        StringBuilder table = new StringBuilder(String.format(
                "%nLoader throughput, %d work-package creates over %d projects, %d partitions, OpenProject latency %d ms%n",
                COMMANDS, PROJECTS, PARTITIONS, LATENCY.toMillis()));
        table.append(String.format("| instances | concurrency | seconds | commands/s | ratio to 1 x 1 |%n"));
        table.append(String.format("|---|---|---|---|---|%n"));
        for (Result result : results) {
            table.append(String.format("| %d | %d | %.2f | %.1f | %.1f |%n", result.scenario().instances(),
                    result.scenario().concurrency(), result.seconds(), result.perSecond(), result.perSecond() / baseline));
        }
        System.out.println(table);
    }

    /** Loads {@link #COMMANDS} creates; the clock runs from the first command applied to the last. */
    private Result run(EmbeddedKafka kafka, Scenario scenario) throws Exception {
        String name = "bench-" + scenario.instances() + "x" + scenario.concurrency();
        try (LoaderHarness harness = new LoaderHarness(kafka, name + ".", PARTITIONS, 3)) {
            List<String> projects = new ArrayList<>();
            for (int p = 0; p < PROJECTS; p++) {
                projects.add(harness.createProject("bench" + p));
            }
            harness.openProject.setLatency(LATENCY);
            AtomicInteger applied = new AtomicInteger();
            AtomicLong first = new AtomicLong();
            AtomicLong last = new AtomicLong();
            LoaderListener clock = new LoaderListener() {
                @Override
                public void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
                    long now = System.nanoTime();
                    first.compareAndSet(0, now);
                    last.accumulateAndGet(now, Math::max);
                    applied.incrementAndGet();
                }
            };
            List<CommandLoader> loaders = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < scenario.instances(); i++) {
                CommandLoader loader = harness.loader(name, scenario.concurrency(), clock);
                Thread thread = new Thread(loader, name + "-" + i);
                thread.start();
                loaders.add(loader);
                threads.add(thread);
            }
            try {
                // Let every instance join before the commands arrive, so no rebalance falls inside the measurement.
                await().atMost(Duration.ofSeconds(60)).until(() -> harness.assignedMembers(name) == scenario.instances());
                List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
                for (int i = 1; i <= COMMANDS; i++) {
                    commands.add(Map.entry(LoaderHarness.workPackageKey(i),
                            LoaderHarness.workPackage(i, "BENCH-" + i, "v1", projects.get(i % PROJECTS))));
                }
                harness.produce(commands);
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200))
                        .until(() -> harness.allCommitted(name));
            } finally {
                loaders.forEach(CommandLoader::close);
                for (Thread thread : threads) {
                    thread.join(30_000);
                }
            }
            assertThat(applied.get()).isEqualTo(COMMANDS);
            assertThat(harness.openProject.workPackages()).hasSize(COMMANDS);
            return new Result(scenario, (last.get() - first.get()) / 1e9);
        }
    }
}
