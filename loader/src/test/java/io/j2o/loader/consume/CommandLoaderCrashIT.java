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
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A loader killed between an OpenProject write and its offset commit leaves no duplicate behind its successor. */
@ExtendWith(EmbeddedKafkaExtension.class)
class CommandLoaderCrashIT {

    private static final int WORK_PACKAGES = 60;
    private static final int CRASH_AFTER = 25;
    private static final String GROUP = "crash-loader";

    private LoaderHarness harness;

    @BeforeEach
    void start(EmbeddedKafka kafka) {
        harness = new LoaderHarness(kafka, "crash.", 3, 3);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void restartAfterCrashBetweenWriteAndCommitCreatesNoDuplicate() throws Exception {
        String projectHref = harness.createProject("alpha");
        long writesBefore = harness.openProject.writeCount();
        List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
        for (int i = 1; i <= WORK_PACKAGES; i++) {
            commands.add(Map.entry(LoaderHarness.workPackageKey(20000 + i),
                    LoaderHarness.workPackage(20000 + i, "ALPHA-" + i, "Issue " + i, projectHref)));
        }
        harness.produce(commands);

        AtomicInteger applied = new AtomicInteger();
        LoaderListener crashAfterWrite = new LoaderListener() {
            @Override
            public void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
                if (applied.incrementAndGet() == CRASH_AFTER) {
                    throw new IllegalStateException("simulated crash after an OpenProject write, before the commit");
                }
            }
        };
        Thread first = new Thread(harness.loader(GROUP, 8, crashAfterWrite), "loader-that-crashes");
        first.start();
        first.join(60_000);
        assertThat(first.isAlive()).isFalse();
        assertThat(harness.openProject.workPackages().size()).as("the crashed loader wrote before dying").isGreaterThanOrEqualTo(CRASH_AFTER);
        assertThat(harness.allCommitted(GROUP)).as("the command that crashed is not committed").isFalse();

        CommandLoader second = harness.loader(GROUP, 8, LoaderListener.NONE);
        Thread successor = new Thread(second, "loader-successor");
        successor.start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> harness.allCommitted(GROUP));
        } finally {
            second.close();
            successor.join(30_000);
        }

        Map<String, Long> perKey = harness.openProject.workPackages().stream()
                .collect(Collectors.groupingBy(wp -> wp.path(LoaderHarness.JIRA_KEY_FIELD).asText(), Collectors.counting()));
        assertThat(perKey).hasSize(WORK_PACKAGES);
        assertThat(perKey.values()).allMatch(count -> count == 1L);
        assertThat(harness.openProject.writeCount() - writesBefore)
                .as("replayed commands whose effect was already in OpenProject write nothing").isEqualTo(WORK_PACKAGES);
    }
}
