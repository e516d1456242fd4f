package io.j2o.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.ChangedWorklogs;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.IssueDigest;
import io.j2o.extractor.state.Watermark;
import io.j2o.extractor.state.WatermarkStore;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the issues whose worklogs changed without the issue's {@code updated} moving (a worklog edited or deleted),
 * which the search by {@code updated} misses, and has them read and published again: worklogs travel inside issue
 * events. Jira's {@code /worklog/updated} and {@code /worklog/deleted} name worklogs changed since a site-wide
 * watermark; an updated worklog names its issue ({@code /worklog/list}), a deleted one no longer can, so the issue of
 * each worklog published is remembered: in memory, rebuilt at start from the issues' digests in the state topic
 * (nothing else can name the issue of a deleted worklog).
 */
final class WorklogChangeExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(WorklogChangeExtractor.class);

    private final JiraApi jira;
    private final EventPublisher publisher;
    private final WatermarkStore state;
    private final String stateKey;
    private final Duration lookback;
    private final Map<String, String> issueByWorklog = new ConcurrentHashMap<>();

    WorklogChangeExtractor(JiraApi jira, EventPublisher publisher, WatermarkStore state, String site, Duration lookback) {
        this.jira = jira;
        this.publisher = publisher;
        this.state = state;
        this.stateKey = WatermarkStore.key(site, "worklogs", "site");
        this.lookback = lookback;
    }

    /** Remembers which issue holds each worklog of a published issue (a deleted issue's may stay: harmless). */
    void remember(IssueDigest issue) {
        issue.worklogIds().forEach(worklogId -> issueByWorklog.put(worklogId, issue.issueId()));
    }

    /** How many worklogs are remembered. */
    int remembered() {
        return issueByWorklog.size();
    }

    /**
     * Publishes again, through {@code publish} (false when it left the issue out), each issue of {@code projectKeys}
     * whose worklogs changed since the last look and that this pass did not publish yet. The first look, and a full
     * pass (which read every issue), only set the watermark to {@code passStart}.
     *
     * @return how many issues were published
     */
    int republish(Set<String> projectKeys, Set<String> publishedThisPass, Instant passStart, boolean full,
            Predicate<JsonNode> publish) {
        Watermark watermark = state.get(stateKey);
        if (full || watermark.updatedAt() == null) {
            state.put(stateKey, new Watermark(passStart, Map.of()));
            return 0;
        }
        Instant since = watermark.queryFrom(lookback);
        // The look-back lists the changes of its window again; those already handled are known by id and time.
        Map<String, Instant> updated = unhandled(jira.updatedWorklogs(since), "updated:", watermark);
        Map<String, Instant> deleted = unhandled(jira.deletedWorklogs(since), "deleted:", watermark);
        Set<String> issueIds = new LinkedHashSet<>(updated.isEmpty() ? Set.of()
                : jira.issueIdsOfWorklogs(updated.keySet().stream().map(key -> key.substring("updated:".length())).toList()));
        deleted.keySet().stream().map(key -> issueByWorklog.get(key.substring("deleted:".length())))
                .filter(id -> id != null).forEach(issueIds::add);
        issueIds.removeAll(publishedThisPass);
        int published = 0;
        for (String issueId : issueIds) {
            Optional<JsonNode> issue = jira.fullIssue(issueId);
            if (issue.isPresent() && projectKeys.contains(issue.get().path("fields").path("project").path("key").asText())
                    && publish.test(issue.get())) {
                published++;
            }
        }
        publisher.flush();
        // A change after the pass's start may concern an issue this pass read just before it: not handled yet.
        Map<String, Instant> handled = new HashMap<>();
        updated.forEach((key, at) -> handled.put(key, at));
        deleted.forEach((key, at) -> handled.put(key, at));
        handled.values().removeIf(at -> at.isAfter(passStart));
        if (!handled.isEmpty()) {
            state.put(stateKey, watermark.advance(handled, lookback));
        }
        LOG.info("worklog changes read updatedWorklogs={} deletedWorklogs={} issuesPublished={} since={}",
                updated.size(), deleted.size(), published, since);
        return published;
    }

    /** The changes of {@code listed} not handled before, keyed {@code <kind><worklogId>}. */
    private static Map<String, Instant> unhandled(ChangedWorklogs listed, String kind, Watermark watermark) {
        Map<String, Instant> changes = new LinkedHashMap<>();
        listed.changedAt().forEach((id, at) -> {
            if (!watermark.alreadyPublished(kind + id, at)) {
                changes.put(kind + id, at);
            }
        });
        return changes;
    }
}
