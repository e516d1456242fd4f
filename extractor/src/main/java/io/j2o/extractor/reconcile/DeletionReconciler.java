package io.j2o.extractor.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.jira.ListedIssue;
import io.j2o.extractor.publish.EntityEvents;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.WatermarkStore;
import io.j2o.schemas.avro.JiraEntityType;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the issues deleted in Jira, which search never reports: it reads the ids a project holds now (ids and watch counts only),
 * compares them with the ids published for it, and asks Jira for each one that vanished. Only an issue Jira answers
 * 404 for becomes a DELETE event; one that search merely has not indexed yet is kept, and one moved to another
 * project is handed over to that project's extraction.
 */
public final class DeletionReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(DeletionReconciler.class);

    private final JiraApi jira;
    private final EventPublisher publisher;
    private final WatermarkStore state;
    private final EntityEvents events;
    private final String site;
    private final String issuesTopic;

    public DeletionReconciler(JiraApi jira, EventPublisher publisher, WatermarkStore state, EntityEvents events,
            String site, String issuesTopic) {
        this.jira = jira;
        this.publisher = publisher;
        this.state = state;
        this.events = events;
        this.site = site;
        this.issuesTopic = issuesTopic;
    }

    /** @return how many DELETE events were published for the project */
    public int reconcile(String projectKey) {
        return reconcile(projectKey, listed -> { });
    }

    /**
     * Reconciles the project's deletions, handing each issue of its id listing on to {@code listed} as well, so the
     * same listing serves other checks; a project with no issue published yet is not listed at all.
     *
     * @return how many DELETE events were published for the project
     */
    public int reconcile(String projectKey, Consumer<ListedIssue> listed) {
        String key = WatermarkStore.issueIdsKey(site, projectKey);
        Set<String> known = state.issueIds(key);
        if (known.isEmpty()) {
            return 0;
        }
        Set<String> inJira = new HashSet<>();
        jira.issueIds(projectKey, issue -> {
            inJira.add(issue.id());
            listed.accept(issue);
        });
        List<String> vanished = known.stream().filter(id -> !inJira.contains(id)).sorted().toList();
        Set<String> remaining = new HashSet<>(known);
        int deleted = 0;
        for (String id : vanished) {
            Optional<JsonNode> issue = jira.issue(id);
            if (issue.isEmpty()) {
                publisher.publish(issuesTopic, events.delete(JiraEntityType.ISSUE, id, projectKey));
                state.removeDigest(site, id);
                remaining.remove(id);
                deleted++;
                continue;
            }
            String nowIn = issue.get().path("fields").path("project").path("key").asText(projectKey);
            if (!nowIn.equals(projectKey)) {
                remaining.remove(id);
                LOG.info("issue moved to another project, not deleted jiraId={} from={} to={}", id, projectKey, nowIn);
            } else {
                LOG.info("issue missing from search but still in Jira, kept jiraId={} projectKey={}", id, projectKey);
            }
        }
        publisher.flush();
        if (!remaining.equals(known)) {
            state.putIssueIds(key, remaining);
        }
        LOG.info("project reconciled projectKey={} known={} inJira={} vanished={} deleted={}",
                projectKey, known.size(), inJira.size(), vanished.size(), deleted);
        return deleted;
    }
}
