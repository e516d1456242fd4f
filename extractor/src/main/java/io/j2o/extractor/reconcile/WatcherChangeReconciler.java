package io.j2o.extractor.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.jira.ListedIssue;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.IssueDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the issues whose watchers changed, which the search by {@code updated} misses (starting or stopping to watch
 * does not move an issue's {@code updated}), and has them read and published again: the watcher list travels inside
 * issue events. The deletion reconciliation's id listing carries each issue's {@code watches.watchCount}; an issue
 * whose count differs from the count of the last payload published for it is re-read. The counts published are kept
 * in memory, rebuilt at start from the issues' digests in the state topic.
 *
 * <p>Only the count is compared: a swap (one user stops watching while another starts) keeps the count and is not
 * detected; it shows up when the issue is published for another reason. Nor is an issue whose watches Jira does not
 * send (the field hidden or watching switched off), or one whose last payload had no watch count; and a project with
 * no issue ids in the extractor state yet is not listed at all (see {@link DeletionReconciler#reconcile(String,
 * java.util.function.Consumer)}).
 */
public final class WatcherChangeReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(WatcherChangeReconciler.class);

    private final JiraApi jira;
    private final EventPublisher publisher;
    private final Map<String, Integer> publishedCounts = new ConcurrentHashMap<>();

    public WatcherChangeReconciler(JiraApi jira, EventPublisher publisher) {
        this.jira = jira;
        this.publisher = publisher;
    }

    /** Remembers the watch count of a published issue (forgets it when the payload had none). */
    public void remember(IssueDigest issue) {
        if (issue.watchCount() != null) {
            publishedCounts.put(issue.issueId(), issue.watchCount());
        } else {
            publishedCounts.remove(issue.issueId());
        }
    }

    /** How many issues have a published watch count remembered. */
    public int remembered() {
        return publishedCounts.size();
    }

    /**
     * Publishes again, through {@code publish} (false when it left the issue out), each listed issue of the project
     * whose watch count differs from the one last published for it.
     *
     * @return how many issues were published
     */
    public int republish(String projectKey, List<ListedIssue> listed, Predicate<JsonNode> publish) {
        List<String> changed = new ArrayList<>();
        for (ListedIssue issue : listed) {
            Integer published = publishedCounts.get(issue.id());
            if (published != null && issue.watchCount().isPresent() && issue.watchCount().getAsInt() != published) {
                changed.add(issue.id());
            }
        }
        int republished = 0;
        for (String id : changed) {
            Optional<JsonNode> issue = jira.fullIssue(id);
            if (issue.isPresent() && publish.test(issue.get())) {
                republished++;
            }
        }
        publisher.flush();
        LOG.info("watch counts reconciled projectKey={} listed={} changed={} published={}", projectKey, listed.size(),
                changed.size(), republished);
        return republished;
    }
}
