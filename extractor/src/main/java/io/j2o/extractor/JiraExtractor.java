package io.j2o.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.extractor.jira.JiraSearchPage;
import io.j2o.extractor.jira.JiraTimestamps;
import io.j2o.extractor.jira.Jql;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.state.Watermark;
import io.j2o.extractor.state.WatermarkStore;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Jira incrementally and publishes one event per changed entity: every visible (or configured) project, then
 * per project the issues updated since its watermark, oldest first. A project's watermark moves only after its
 * events are acknowledged by Kafka.
 */
public final class JiraExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(JiraExtractor.class);
    private static final List<String> ALL_FIELDS = List.of("*all");

    private final ExtractorConfig config;
    private final JiraClient jira;
    private final EventPublisher publisher;
    private final WatermarkStore watermarks;
    private final Clock clock;
    private final JiraSource source;

    public JiraExtractor(ExtractorConfig config, JiraClient jira, EventPublisher publisher, WatermarkStore watermarks, Clock clock) {
        this.config = config;
        this.jira = jira;
        this.publisher = publisher;
        this.watermarks = watermarks;
        this.clock = clock;
        this.source = new JiraSource(config.site(), JiraFlavour.CLOUD, "3");
    }

    /**
     * One pass over Jira.
     *
     * @param full ignore watermarks and publish everything again (a resync; the transformer drops what is unchanged)
     */
    public ExtractionStats runOnce(boolean full) {
        ZoneId zone = userZone();
        List<JsonNode> projects = selectedProjects();
        for (JsonNode project : projects) {
            publisher.publish(config.topics().jiraProjects(), event(JiraEntityType.PROJECT, project.path("id").asText(),
                    project.path("key").asText(), project.path("key").asText(), null, project));
        }
        publisher.flush();
        int issues = 0;
        for (JsonNode project : projects) {
            issues += extractIssues(project.path("key").asText(), zone, full);
        }
        LOG.info("extraction pass done projects={} issues={} full={}", projects.size(), issues, full);
        return new ExtractionStats(projects.size(), issues);
    }

    private int extractIssues(String projectKey, ZoneId zone, boolean full) {
        String stateKey = WatermarkStore.key(config.site(), "issues", projectKey);
        Watermark watermark = full ? Watermark.none() : watermarks.get(stateKey);
        String jql = Jql.issuesUpdatedSince(projectKey, watermark.queryFrom(config.lookback()), zone);
        Map<String, Instant> published = new HashMap<>();
        int count = 0;
        String token = null;
        do {
            JiraSearchPage page = jira.search(jql, ALL_FIELDS, config.pageSize(), token);
            for (JsonNode issue : page.issues()) {
                String id = issue.path("id").asText();
                Instant updated = updatedOf(issue);
                // Without a readable 'updated' the issue cannot be deduplicated or move the watermark: always publish it.
                if (updated == null || !watermark.alreadyPublished(id, updated)) {
                    publisher.publish(config.topics().jiraIssues(),
                            event(JiraEntityType.ISSUE, id, issue.path("key").asText(null), projectKey, updated, issue));
                    count++;
                    if (updated != null) {
                        published.put(id, updated);
                    }
                }
            }
            token = page.nextPageToken();
        } while (token != null);
        publisher.flush();
        if (!published.isEmpty()) {
            watermarks.put(stateKey, watermark.advance(published, config.lookback()));
        }
        LOG.info("project extracted projectKey={} published={} jql={}", projectKey, count, jql);
        return count;
    }

    private List<JsonNode> selectedProjects() {
        List<JsonNode> visible = jira.projects();
        if (config.projects().isEmpty()) {
            return visible;
        }
        List<JsonNode> chosen = visible.stream().filter(p -> config.projects().contains(p.path("key").asText())).toList();
        if (chosen.size() < config.projects().size()) {
            LOG.warn("some configured projects are not visible to the Jira user configured={} visible={}",
                    config.projects(), chosen.stream().map(p -> p.path("key").asText()).toList());
        }
        return chosen;
    }

    private ZoneId userZone() {
        String zone = jira.myself().path("timeZone").asText("UTC");
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            LOG.warn("Jira user time zone is unknown to Java, using UTC timeZone={}", zone);
            return ZoneId.of("UTC");
        }
    }

    private JiraEntityEvent event(JiraEntityType type, String id, String key, String projectKey, Instant updated, JsonNode payload) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(type)
                .setJiraId(id)
                .setJiraKey(key)
                .setProjectKey(projectKey)
                .setChange(ChangeType.UPSERT)
                .setJiraUpdatedAt(updated)
                .setExtractedAt(clock.instant())
                .setSource(source)
                .setPayload(payload.toString())
                .build();
    }

    /** Jira's {@code fields.updated}, or null when the payload has none that can be read. */
    private static Instant updatedOf(JsonNode issue) {
        JsonNode updated = issue.path("fields").path("updated");
        Instant parsed = JiraTimestamps.parse(updated.isTextual() ? updated.asText() : null).orElse(null);
        if (parsed == null) {
            LOG.warn("issue has no readable updated time, publishing it without one jiraKey={} updated={}",
                    issue.path("key").asText(), updated);
        }
        return parsed;
    }
}
