package io.j2o.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.OpenProjectCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/** The committed offset of a partition never passes a command that has not finished, whatever finishes after it. */
@ExtendWith(EmbeddedKafkaExtension.class)
class CommandLoaderOffsetsIT {

    private static final int COMMANDS = 30;
    private static final int SLOW_OFFSET = 5;

    private LoaderHarness harness;

    @BeforeEach
    void start(EmbeddedKafka kafka, TestInfo test) {
        // One partition, so the slow command and the ones after it share it; maxAttempts 2 keeps the failure test short.
        harness = new LoaderHarness(kafka, "offsets-" + test.getTestMethod().orElseThrow().getName() + ".", 1, 2);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aSlowCommandHoldsItsPartitionsCommitWhileLaterOnesFinish() throws Exception {
        String projectHref = harness.createProject("slow");
        List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
        for (int i = 0; i < COMMANDS; i++) {
            commands.add(Map.entry(LoaderHarness.workPackageKey(i), LoaderHarness.workPackage(i, "SLOW-" + i, "v1", projectHref)));
        }
        harness.produce(commands);

        String slowKey = LoaderHarness.workPackageKey(SLOW_OFFSET);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger othersApplied = new AtomicInteger();
        LoaderListener holdOne = new LoaderListener() {
            @Override
            public void commandApplied(String key, OpenProjectCommand command, UpsertOutcome outcome) {
                if (!key.equals(slowKey)) {
                    othersApplied.incrementAndGet();
                    return;
                }
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        CommandLoader loader = harness.loader("offsets-slow", 8, holdOne);
        Thread thread = new Thread(loader, "offsets-loader");
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> othersApplied.get() == COMMANDS - 1
                    && harness.committed("offsets-slow").getOrDefault(0, -1L) == SLOW_OFFSET);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> harness.committed("offsets-slow").get(0) == SLOW_OFFSET);

            release.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> harness.committed("offsets-slow").get(0) == COMMANDS);
        } finally {
            release.countDown();
            loader.close();
            thread.join(30_000);
        }
        assertThat(harness.openProject.workPackages()).hasSize(COMMANDS);
    }

    @Test
    void openProjectStillUnavailableAfterRetriesStopsTheInstanceWithoutCommittingPastTheFailedCommand() throws Exception {
        String projectHref = harness.createProject("alpha");
        List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            commands.add(Map.entry(LoaderHarness.workPackageKey(i), LoaderHarness.workPackage(i, "ALPHA-" + i, "v1", projectHref)));
        }
        int failingOffset = commands.size();
        commands.add(Map.entry("project:77", LoaderHarness.project(77, "beta")));
        for (int i = 10; i < 20; i++) {
            commands.add(Map.entry(LoaderHarness.workPackageKey(i), LoaderHarness.workPackage(i, "ALPHA-" + i, "v1", projectHref)));
        }
        harness.produce(commands);
        harness.openProject.failNext("POST", "/api/v3/projects", 1_000, 503);

        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread first = new Thread(harness.loader("offsets-failing", 8, LoaderListener.NONE), "failing-loader");
        first.setUncaughtExceptionHandler((t, e) -> died.set(e));
        first.start();
        first.join(60_000);

        assertThat(first.isAlive()).as("the instance stopped by itself").isFalse();
        assertThat(died.get()).isInstanceOf(OpenProjectException.Unavailable.class);
        assertThat(harness.committed("offsets-failing"))
                .as("what came before the failed command is committed, nothing from it on")
                .containsEntry(0, (long) failingOffset);

        harness.openProject.clearFaults();
        CommandLoader successor = harness.loader("offsets-failing", 8, LoaderListener.NONE);
        Thread second = new Thread(successor, "successor-loader");
        second.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> harness.allCommitted("offsets-failing"));
        } finally {
            successor.close();
            second.join(30_000);
        }
        assertThat(harness.openProject.projects()).anySatisfy(p -> assertThat(p.path("identifier").asText()).isEqualTo("beta"));
        assertThat(harness.openProject.workPackages()).hasSize(20);
    }
}
