package io.j2o.cli.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.cli.report.DeadLetters;
import io.j2o.cli.report.JiraKeys;
import io.j2o.cli.report.JiraState;
import io.j2o.cli.report.MigrationValidator;
import io.j2o.cli.report.OpenProjectState;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.DeadLetter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Measures how long each Jira edit takes to show in OpenProject: an edit has arrived when the work package of its
 * issue holds what the mapping rules make of the issue as the edit left it (its fields and links, comments, worklogs,
 * issue links, attachments, watchers and the memberships its people need), judged by the same {@link MigrationValidator}
 * as the final report; what the loader parked (an attachment over OpenProject's size limit) is accounted for.
 */
final class SyncLatencyProbe {

    /**
     * Latencies of the edits that arrived, nearest-rank percentiles.
     *
     * @param pending     edits applied in Jira and not yet seen in OpenProject
     * @param longestLook the longest single look at OpenProject: by how much, at most, a latency is over-stated
     *                    (besides the pause between looks)
     */
    record Latencies(int arrived, int pending, Duration p50, Duration p95, Duration max, Duration longestLook) {

        @Override
        public String toString() {
            return arrived == 0 ? "no edit arrived yet, " + pending + " pending"
                    : String.format("p50 %.2f s, p95 %.2f s, max %.2f s over %d edits, %d pending (each figure over-states "
                            + "by at most one look at OpenProject, the longest %.2f s)",
                            seconds(p50), seconds(p95), seconds(max), arrived, pending, seconds(longestLook));
        }

        private static double seconds(Duration duration) {
            return duration.toMillis() / 1000.0;
        }
    }

    /** One edit and, once it arrived, how long that took. */
    record Arrival(JiraMutator.Edit edit, Duration latency) {
    }

    private final OpenProjectSimulator openProject;
    private final MigrationValidator validator;
    private final JiraState jira;
    private final Supplier<List<DeadLetter>> deadLetters;
    private final List<JiraMutator.Edit> pending = new CopyOnWriteArrayList<>();
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private volatile Duration longestLook = Duration.ZERO;

    /**
     * @param jira        the site being edited: its projects, users and versions, which the edits leave alone (its
     *                    issues are not read: each edit brings its own)
     * @param deadLetters what the loader parked so far
     */
    SyncLatencyProbe(OpenProjectSimulator openProject, MigrationValidator validator, JiraState jira,
                     Supplier<List<DeadLetter>> deadLetters) {
        this.openProject = openProject;
        this.validator = validator;
        this.jira = jira;
        this.deadLetters = deadLetters;
    }

    /** Watches for {@code edit}; a later edit of the same issue would hide it, so edit only keys not in {@link #pendingKeys()}. */
    void expect(JiraMutator.Edit edit) {
        pending.add(edit);
    }

    /** Jira keys with an edit not yet seen in OpenProject. */
    Set<String> pendingKeys() {
        return pending.stream().map(JiraMutator.Edit::key).collect(Collectors.toUnmodifiableSet());
    }

    List<JiraMutator.Edit> pendingEdits() {
        return List.copyOf(pending);
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /**
     * Looks at OpenProject once; every pending edit it shows is recorded as arrived now, after the look: a latency is
     * never under-stated, and over-stated by at most the time between two checks.
     */
    synchronized void check() {
        List<JiraMutator.Edit> waiting = List.copyOf(pending);
        if (waiting.isEmpty()) {
            return;
        }
        long lookStart = System.nanoTime();
        OpenProjectState state = DemoRun.openProjectState(openProject);
        List<DeadLetter> parked = deadLetters.get();
        long now = System.nanoTime();
        for (JiraMutator.Edit edit : waiting) {
            List<ObjectNode> issue = List.of(edit.issue());
            JiraState edited = new JiraState(jira.projects(), issue, jira.users(), jira.versions());
            JiraKeys keys = new JiraKeys(edited);
            if (validator.validate(edited, state, DeadLetters.byJiraKey(parked, keys), Map.of()).isClean()) {
                pending.remove(edit);
                arrivals.add(new Arrival(edit, Duration.ofNanos(now - edit.atNanos())));
            }
        }
        Duration look = Duration.ofNanos(System.nanoTime() - lookStart);
        if (look.compareTo(longestLook) > 0) {
            longestLook = look;
        }
    }

    Latencies latencies() {
        List<Duration> sorted = new ArrayList<>(arrivals.stream().map(Arrival::latency).toList());
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return new Latencies(0, pending.size(), Duration.ZERO, Duration.ZERO, Duration.ZERO, longestLook);
        }
        return new Latencies(sorted.size(), pending.size(), percentile(sorted, 50), percentile(sorted, 95),
                sorted.get(sorted.size() - 1), longestLook);
    }

    private static Duration percentile(List<Duration> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
