package io.j2o.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.OpenProjectCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A second instance joining mid-run takes partitions over without breaking per-key order or duplicating anything. */
@ExtendWith(EmbeddedKafkaExtension.class)
class CommandLoaderRebalanceIT {

    private static final int KEYS = 400;
    private static final int VERSIONS = 3;
    private static final String GROUP = "rebalance-loader";

    private LoaderHarness harness;

    @BeforeEach
    void start(EmbeddedKafka kafka) {
        harness = new LoaderHarness(kafka, "rebalance.", 6, 3);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void instanceJoiningMidRunKeepsPerKeyOrderAndCreatesNoDuplicate() throws Exception {
        String projectHref = harness.createProject("move");
        List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
        for (int version = 1; version <= VERSIONS; version++) {
            for (int key = 1; key <= KEYS; key++) {
                commands.add(Map.entry(LoaderHarness.workPackageKey(key),
                        LoaderHarness.workPackage(key, "MOVE-" + key, "v" + version, projectHref)));
            }
        }
        harness.produce(commands);
        harness.openProject.setLatency(Duration.ofMillis(20));

        Map<String, List<String>> appliedOrder = new ConcurrentHashMap<>();
        AtomicInteger applied = new AtomicInteger();
        AtomicInteger appliedBySecond = new AtomicInteger();
        CommandLoader first = harness.loader(GROUP, 8, recorder(appliedOrder, applied));
        CommandLoader second = harness.loader(GROUP, 8, LoaderListener.all(List.of(
                recorder(appliedOrder, applied), recorder(new ConcurrentHashMap<>(), appliedBySecond))));
        Thread firstThread = new Thread(first, "rebalance-first");
        Thread secondThread = new Thread(second, "rebalance-second");
        firstThread.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> applied.get() >= 100);
            secondThread.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> harness.assignedMembers(GROUP) == 2);
            await().atMost(Duration.ofSeconds(120)).until(() -> harness.allCommitted(GROUP));
        } finally {
            first.close();
            second.close();
            firstThread.join(30_000);
            secondThread.join(30_000);
        }

        assertThat(appliedBySecond.get()).as("the second instance took over part of the work").isPositive();
        appliedOrder.forEach((key, checksums) -> {
            List<Integer> versions = checksums.stream().map(c -> Integer.parseInt(c.substring(c.lastIndexOf("-v") + 2))).toList();
            assertThat(versions).as("versions applied for %s, a replay may repeat one but never go back", key).isSorted();
            assertThat(versions).as(key).contains(1, 2, 3);
        });
        Map<String, List<String>> subjects = harness.openProject.workPackages().stream().collect(Collectors.groupingBy(
                wp -> wp.path(LoaderHarness.JIRA_KEY_FIELD).asText(), Collectors.mapping(wp -> wp.path("subject").asText(), Collectors.toList())));
        assertThat(subjects).as("one work package per key, in its last version").hasSize(KEYS).allSatisfy((key, values) -> assertThat(values).containsExactly("v" + VERSIONS));
    }

    /** Records, per key, the checksums applied in the order the loader applied them. */
    private static LoaderListener recorder(Map<String, List<String>> appliedOrder, AtomicInteger applied) {
        return new LoaderListener() {
            @Override
            public void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
                appliedOrder.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(command.getChecksum());
                applied.incrementAndGet();
            }
        };
    }
}
