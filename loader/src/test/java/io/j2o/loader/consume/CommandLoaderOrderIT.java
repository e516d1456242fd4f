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
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Commands of one key are applied strictly in their topic order while other keys run alongside. */
@ExtendWith(EmbeddedKafkaExtension.class)
class CommandLoaderOrderIT {

    private static final int HOT_UPDATES = 1_000;
    private static final int OTHER_KEYS = 200;
    private static final int OTHER_VERSIONS = 3;
    private static final String GROUP = "order-loader";

    private LoaderHarness harness;

    @BeforeEach
    void start(EmbeddedKafka kafka) {
        harness = new LoaderHarness(kafka, "order.", 3, 3);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void thousandUpdatesOfOneIssueWith64InFlightEndInTheLastVersion() throws Exception {
        String projectHref = harness.createProject("hot");
        String hotKey = LoaderHarness.workPackageKey(1);
        List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
        for (int v = 1; v <= HOT_UPDATES; v++) {
            commands.add(Map.entry(hotKey, LoaderHarness.workPackage(1, "HOT-1", "v" + v, projectHref)));
            if (v <= OTHER_KEYS * OTHER_VERSIONS) {
                int other = (v - 1) % OTHER_KEYS + 2;
                int version = (v - 1) / OTHER_KEYS + 1;
                commands.add(Map.entry(LoaderHarness.workPackageKey(other),
                        LoaderHarness.workPackage(other, "HOT-" + other, "v" + version, projectHref)));
            }
        }
        harness.produce(commands);

        Map<String, List<String>> appliedOrder = new ConcurrentHashMap<>();
        LoaderListener recorder = new LoaderListener() {
            @Override
            public void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
                // Per key the loader calls this from one command at a time, so the list needs no lock of its own.
                appliedOrder.computeIfAbsent(key, k -> new ArrayList<>()).add(command.getChecksum());
            }
        };
        CommandLoader loader = harness.loader(GROUP, 64, recorder);
        Thread thread = new Thread(loader, "order-loader");
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> harness.allCommitted(GROUP));
        } finally {
            loader.close();
            thread.join(30_000);
        }

        assertThat(appliedOrder.get(hotKey)).as("the hot key's commands in topic order, each once")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, HOT_UPDATES).mapToObj(v -> "sum-HOT-1-v" + v).toList());
        assertThat(appliedOrder).hasSize(OTHER_KEYS + 1);
        appliedOrder.forEach((key, checksums) -> {
            if (!key.equals(hotKey)) {
                String jiraKey = "HOT-" + key.substring("work_package:".length());
                assertThat(checksums).as(key).containsExactly(
                        "sum-" + jiraKey + "-v1", "sum-" + jiraKey + "-v2", "sum-" + jiraKey + "-v3");
            }
        });
        assertThat(harness.openProject.workPackages())
                .filteredOn(wp -> wp.path(LoaderHarness.JIRA_KEY_FIELD).asText().equals("HOT-1"))
                .singleElement().satisfies(wp -> assertThat(wp.path("subject").asText()).isEqualTo("v" + HOT_UPDATES));
        assertThat(harness.openProject.workPackages()).hasSize(OTHER_KEYS + 1)
                .allSatisfy(wp -> assertThat(wp.path("subject").asText()).isIn("v" + HOT_UPDATES, "v" + OTHER_VERSIONS));
    }
}
