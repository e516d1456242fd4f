package io.j2o.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.j2o.loader.upsert.UpsertOutcome;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.markers.CommentMarker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A loader killed between an OpenProject write and its offset commit leaves no duplicate behind its successor, for
 * every kind of resource it writes.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class CommandLoaderCrashIT {

    private static final int WORK_PACKAGES = 60;
    private static final int CRASH_AFTER = 25;
    private static final String GROUP = "crash-loader";

    private LoaderHarness harness;

    @BeforeEach
    void start(EmbeddedKafka kafka, TestInfo test) {
        // Topics of their own per test: the broker outlives a test, and its commands must not reach the next one.
        // A parameterised test runs one method several times: its display name ("[2] VERSION") tells the runs apart.
        harness = new LoaderHarness(kafka, "crash." + test.getTestMethod().orElseThrow().getName() + "."
                + test.getDisplayName().replaceAll("[^A-Za-z0-9]", "") + ".", 3, 3);
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
        crashThenRecover(writesBefore);

        Map<String, Long> perKey = harness.openProject.workPackages().stream()
                .collect(Collectors.groupingBy(wp -> wp.path(LoaderHarness.JIRA_KEY_FIELD).asText(), Collectors.counting()));
        assertThat(perKey).hasSize(WORK_PACKAGES);
        assertThat(perKey.values()).allMatch(count -> count == 1L);
        assertThat(harness.openProject.writeCount() - writesBefore)
                .as("replayed commands whose effect was already in OpenProject write nothing").isEqualTo(WORK_PACKAGES);
    }

    /** Comments have no key field to search by: their marker is what the successor finds them by. */
    @Test
    void restartAfterCrashBetweenCommentWriteAndCommitPostsNoSecondComment() throws Exception {
        String projectHref = harness.createProject("alpha");
        List<String> workPackages = List.of(harness.createWorkPackage(projectHref, "ALPHA-1"),
                harness.createWorkPackage(projectHref, "ALPHA-2"));
        long writesBefore = harness.openProject.writeCount();
        List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
        for (int i = 1; i <= WORK_PACKAGES; i++) {
            commands.add(Map.entry("comment:" + (30000 + i), LoaderHarness.comment(30000 + i, "ALPHA-" + (1 + i % 2),
                    "Comment " + i, workPackages.get(i % 2))));
        }
        harness.produce(commands);
        crashThenRecover(writesBefore);

        Map<String, Long> perMarker = harness.openProject.activities().stream()
                .map(activity -> CommentMarker.idIn(activity.path("comment").path("raw").asText()))
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        assertThat(perMarker).hasSize(WORK_PACKAGES);
        assertThat(perMarker.values()).allMatch(count -> count == 1L);
        assertThat(harness.openProject.writeCount() - writesBefore)
                .as("replayed comments already in OpenProject write nothing").isEqualTo(WORK_PACKAGES);
    }

    /**
     * Users, groups, versions and memberships by name, relations and watchers by pair, time entries by marker: each
     * found, none doubled.
     */
    @ParameterizedTest
    @EnumSource(CrashedKind.class)
    void restartAfterCrashBetweenWriteAndCommitDuplicatesNoResourceOfThisKind(CrashedKind kind) throws Exception {
        CrashedKind.Fixtures fixtures = CrashedKind.Fixtures.create(harness, WORK_PACKAGES);
        kind.prepare(harness, fixtures);
        long writesBefore = harness.openProject.writeCount();
        harness.produce(kind.commands(fixtures, WORK_PACKAGES));
        crashThenRecover(writesBefore);

        Map<String, Long> perIdentity = kind.identities(harness.openProject).stream()
                .collect(Collectors.groupingBy(identity -> identity, Collectors.counting()));
        assertThat(perIdentity).hasSize(WORK_PACKAGES);
        assertThat(perIdentity.values()).allMatch(count -> count == 1L);
        assertThat(harness.openProject.writeCount() - writesBefore)
                .as("replayed commands whose effect was already in OpenProject write nothing").isEqualTo(WORK_PACKAGES);
    }

    /** Runs a loader that dies right after its {@value #CRASH_AFTER}th write, then a successor until all is committed. */
    private void crashThenRecover(long writesBefore) throws InterruptedException {
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
        assertThat(harness.openProject.writeCount() - writesBefore).as("the crashed loader wrote before dying")
                .isGreaterThanOrEqualTo(CRASH_AFTER);
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
    }
}
