package io.j2o.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.extractor.jira.JiraTimestamps;
import io.j2o.extractor.jira.TruncatedListCompleter;
import io.j2o.extractor.jira.WatcherListCompleter;
import io.j2o.extractor.publish.EntityEvents;
import io.j2o.extractor.publish.EventPublisher;
import io.j2o.extractor.publish.MetadataPublisher;
import io.j2o.extractor.jira.ListedIssue;
import io.j2o.extractor.reconcile.DeletionReconciler;
import io.j2o.extractor.reconcile.WatcherChangeReconciler;
import io.j2o.extractor.state.IssueDigest;
import io.j2o.extractor.state.ReconcileMark;
import io.j2o.extractor.state.Watermark;
import io.j2o.extractor.state.WatermarkStore;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Jira incrementally and publishes one event per changed entity: the users, the groups with their members,
 * every visible (or configured) project with its versions, roles and components and Jira's vocabularies (statuses,
 * types, priorities, fields, ...) when their content changed, then per project the issues
 * updated since its watermark, oldest first, each with all of its comments, worklogs and history, and then the issues
 * whose worklogs alone changed. A project's watermark moves only after its events are acknowledged by Kafka. Every
 * {@code reconcileEvery}-th pass (counted across restarts, see {@link ReconcileMark}) it also looks for deleted issues and, in the same id listing, for issues whose
 * watchers alone changed (by their watch count, see {@link WatcherChangeReconciler}).
 */
public final class JiraExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(JiraExtractor.class);
    /** Reads of one project in a pass while its issues keep moving under the pages; then the next pass goes on. */
    private static final int MAX_REREADS = 3;

    private final ExtractorConfig config;
    private final JiraApi jira;
    private final EventPublisher publisher;
    private final WatermarkStore state;
    private final EntityEvents events;
    private final DeletionReconciler reconciler;
    private final MetadataPublisher metadataPublisher;
    private final MetadataExtractor metadata;
    private final ProjectRoleExtractor roles;
    private final VocabularyExtractor vocabularies;
    private final TruncatedListCompleter completer;
    private final WatcherListCompleter watchers;
    private final WorklogChangeExtractor worklogChanges;
    private final WatcherChangeReconciler watcherChanges;
    private final Clock clock;
    /** When users, groups and versions were last read, null before the first pass. */
    private Instant metadataReadAt;

    /** An extractor of the Jira flavour {@code config} names, over {@code client}. */
    public JiraExtractor(ExtractorConfig config, JiraClient client, EventPublisher publisher, WatermarkStore state, Clock clock) {
        this(config, JiraApi.of(config.flavour(), client, config.pageSize(), config.searchWindow(), config.concurrency()),
                publisher, state, clock);
    }

    /** An extractor reading Jira through {@code jira}, e.g. an API a benchmark measures another way of reading with. */
    public JiraExtractor(ExtractorConfig config, JiraApi jira, EventPublisher publisher, WatermarkStore state, Clock clock) {
        this.config = config;
        this.jira = jira;
        this.publisher = publisher;
        this.state = state;
        this.events = new EntityEvents(new JiraSource(config.site(), jira.flavour(), jira.apiVersion()), clock);
        this.reconciler = new DeletionReconciler(jira, publisher, state, events, config.site(), config.topics().jiraIssues());
        this.metadataPublisher = new MetadataPublisher(publisher);
        this.metadata = new MetadataExtractor(jira, events, metadataPublisher, config.topics());
        this.roles = new ProjectRoleExtractor(jira, events, metadataPublisher, config.topics());
        this.vocabularies = new VocabularyExtractor(jira, events, metadataPublisher, config.topics());
        this.completer = new TruncatedListCompleter(jira);
        this.watchers = new WatcherListCompleter(jira);
        this.worklogChanges = new WorklogChangeExtractor(jira, publisher, state, config.site(), config.lookback());
        this.watcherChanges = new WatcherChangeReconciler(jira, publisher);
        this.clock = clock;
    }

    /**
     * Reads back what earlier runs published (compacted topics: the last event of each key): the users, groups,
     * projects, versions and vocabularies, so that after a restart only what changed since is published again and a
     * group deleted in Jira meanwhile is still known; and, when issues are extracted, the digest of each published
     * issue from the state topic (which issue holds each worklog, so a worklog deleted later still names its issue,
     * and the watch count each issue was published with). A state without digests (written by an older j2o) is
     * completed once from the issues topic itself. Call once, before the first pass, with a consumer outside any group.
     */
    public Restored loadPublished(Consumer<String, JiraEntityEvent> reader) {
        int known = metadataPublisher.restore(reader, List.of(config.topics().jiraUsers(), config.topics().jiraGroups(),
                config.topics().jiraProjects(), config.topics().jiraVersions(), config.topics().jiraVocabulary()));
        LOG.info("published metadata remembered known={}", known);
        if (config.extracts(ExtractedEntity.ISSUES)) {
            List<IssueDigest> digests = state.takeDigests(config.site());
            digests.forEach(this::remember);
            int issueEvents = 0;
            if (digests.isEmpty()) {
                issueEvents = IssueDigest.readIssuesTopic(reader, config.topics().jiraIssues(), digest -> {
                    remember(digest);
                    state.putDigest(config.site(), digest);
                });
                state.awaitDigests();
            }
            LOG.info("published issues remembered digests={} issueEventsRead={} worklogs={} watchCounts={}",
                    digests.size(), issueEvents, worklogChanges.remembered(), watcherChanges.remembered());
            return new Restored(known, digests.size(), issueEvents);
        }
        return new Restored(known, 0, 0);
    }

    /**
     * What {@link #loadPublished} read back: metadata keys, issue digests from the state topic, and full issue events
     * (only when the state held no digest yet).
     */
    public record Restored(int metadataKeys, int issueDigests, int issueEventsRead) {
    }

    private void remember(IssueDigest digest) {
        worklogChanges.remember(digest);
        watcherChanges.remember(digest);
    }

    /** One pass over Jira, reconciling deletions when this pass is due for it. */
    public ExtractionStats runOnce(boolean full) {
        return runOnce(full, false);
    }

    /**
     * One pass over Jira.
     *
     * @param full      ignore watermarks and what was published before, publish everything again (a resync; the
     *                  transformer drops what is unchanged)
     * @param reconcile look for deleted issues and watcher changes in this pass, due or not
     */
    public synchronized ExtractionStats runOnce(boolean full, boolean reconcile) {
        Instant passStart = clock.instant();
        ReconcileMark mark = state.reconcileMark(config.site());
        boolean reconciling = reconcile || mark.dueWithin(config.reconcileEvery());
        boolean metadataDue = full || metadataReadAt == null
                || !clock.instant().isBefore(metadataReadAt.plus(config.metadataRefresh()));
        int users = metadataDue && config.extracts(ExtractedEntity.USERS) ? metadata.users(full) : 0;
        int groups = metadataDue && config.extracts(ExtractedEntity.GROUPS) ? metadata.groups(full) : 0;
        boolean projectsNeeded = config.extracts(ExtractedEntity.PROJECTS) || config.extracts(ExtractedEntity.VERSIONS)
                || config.extracts(ExtractedEntity.ISSUES) || config.extracts(ExtractedEntity.ROLES)
                || config.extracts(ExtractedEntity.VOCABULARY);
        List<JsonNode> projects = projectsNeeded ? selectedProjects() : List.of();
        int projectEvents = config.extracts(ExtractedEntity.PROJECTS) ? metadata.projects(projects, full) : 0;
        int versions = metadataDue && config.extracts(ExtractedEntity.VERSIONS) ? metadata.versions(projects, full) : 0;
        int projectRoles = metadataDue && config.extracts(ExtractedEntity.ROLES) ? roles.roles(projects, full) : 0;
        int vocabulary = metadataDue && config.extracts(ExtractedEntity.VOCABULARY) ? vocabularies.vocabularies(projects, full) : 0;
        if (metadataDue) {
            metadataReadAt = clock.instant();
        }
        int issues = 0;
        int deleted = 0;
        if (config.extracts(ExtractedEntity.ISSUES)) {
            ZoneId zone = userZone();
            Set<String> publishedThisPass = new HashSet<>();
            for (JsonNode project : projects) {
                String projectKey = project.path("key").asText();
                issues += extractIssues(projectKey, zone, full, publishedThisPass);
                if (reconciling) {
                    List<ListedIssue> listed = new ArrayList<>();
                    deleted += reconciler.reconcile(projectKey, listed::add);
                    issues += watcherChanges.republish(projectKey, listed, issue -> publishComplete(issue,
                            issue.path("fields").path("project").path("key").asText(projectKey), updatedOf(issue)));
                }
            }
            Set<String> projectKeys = new HashSet<>();
            projects.forEach(project -> projectKeys.add(project.path("key").asText()));
            issues += worklogChanges.republish(projectKeys, publishedThisPass, passStart, full,
                    issue -> publishComplete(issue, issue.path("fields").path("project").path("key").asText(),
                            updatedOf(issue)));
            // Only a pass that got this far counts: one that failed midway reconciles on its retry if it was due.
            state.putReconcileMark(config.site(), mark.after(passStart, reconciling));
        }
        LOG.info("extraction pass done flavour={} projects={} users={} groups={} versions={} roles={} vocabulary={} issues={} "
                + "deleted={} full={} reconciled={}",
                jira.flavour(), projects.size(), users, groups, versions, projectRoles, vocabulary, issues, deleted, full,
                reconciling);
        return new ExtractionStats(projects.size(), issues, deleted, users, versions, groups, projectEvents, projectRoles,
                vocabulary);
    }

    private int extractIssues(String projectKey, ZoneId zone, boolean full, Set<String> publishedThisPass) {
        String stateKey = WatermarkStore.key(config.site(), "issues", projectKey);
        Watermark watermark = full ? Watermark.none() : state.get(stateKey);
        Map<String, Instant> published = new HashMap<>();
        Set<String> publishedIds = new HashSet<>();
        for (int read = 1; ; read++) {
            boolean shifted = readOnce(projectKey, zone, watermark, published, publishedIds);
            if (!shifted) {
                break;
            }
            if (read == MAX_REREADS) {
                LOG.warn("issues kept changing while being read; the next pass picks up what moved projectKey={} reads={}",
                        projectKey, read);
                break;
            }
            LOG.info("an issue changed while its project was being read, reading again projectKey={} read={}", projectKey, read);
        }
        publisher.flush();
        // The ids first: a crash before the watermark re-reads these issues, never forgets one the reconciler must know.
        String idsKey = WatermarkStore.issueIdsKey(config.site(), projectKey);
        Set<String> known = state.issueIds(idsKey);
        if (known.addAll(publishedIds)) {
            state.putIssueIds(idsKey, known);
        }
        if (!published.isEmpty()) {
            state.put(stateKey, watermark.advance(published, config.lookback()));
        }
        publishedThisPass.addAll(publishedIds);
        LOG.info("project extracted projectKey={} published={} since={}", projectKey, publishedIds.size(),
                watermark.queryFrom(config.lookback()));
        return publishedIds.size();
    }

    /**
     * One read of a project's issues updated since the watermark, publishing what is new. Every listed issue is
     * checked against what was published; only the others are read in full, and checked again then: the search index
     * may lag behind the issue itself, so the issue read can be newer than its listing.
     *
     * @return whether an issue showed up again with a newer {@code updated}: it was edited while the pages were read, moved to the end of the
     *         {@code updated} order, and every issue behind it shifted one place towards the pages already read —
     *         one of them may have been skipped, so the caller reads again (deduplication keeps it cheap)
     */
    private boolean readOnce(String projectKey, ZoneId zone, Watermark watermark, Map<String, Instant> published,
                             Set<String> publishedIds) {
        Map<String, Instant> seen = new HashMap<>();
        boolean[] shifted = {false};
        jira.issuesUpdatedSince(projectKey, watermark.queryFrom(config.lookback()), zone, listed -> {
            // Seen before in this read with another 'updated': it moved behind the cursor (an overlap re-read of
            // the same version, as keyset windows do, is no sign of that).
            shifted[0] |= seen.containsKey(listed.id()) && !Objects.equals(seen.get(listed.id()), listed.updated());
            seen.put(listed.id(), listed.updated());
            return !alreadyPublished(listed.id(), listed.updated(), watermark, published);
        }, this::complete, issue -> {
            String id = issue.path("id").asText();
            Instant updated = updatedOf(issue);
            if (!alreadyPublished(id, updated, watermark, published)) {
                publish(issue, projectKey, updated);
                publishedIds.add(id);
                if (updated != null) {
                    published.put(id, updated);
                }
            }
        });
        return shifted[0];
    }

    /** Without a readable {@code updated} an issue cannot be deduplicated or move the watermark: it always counts as new. */
    private static boolean alreadyPublished(String id, Instant updated, Watermark watermark, Map<String, Instant> published) {
        return updated != null && (watermark.alreadyPublished(id, updated) || updated.equals(published.get(id)));
    }

    /**
     * Completes the issue's truncated lists and watchers and publishes it (Kafka acknowledges on the caller's flush).
     *
     * @return false when the issue vanished meanwhile and was left to the deletion reconciliation
     */
    private boolean publishComplete(JsonNode issue, String projectKey, Instant updated) {
        Optional<JsonNode> complete = complete(issue);
        complete.ifPresent(payload -> publish(payload, projectKey, updated));
        return complete.isPresent();
    }

    /**
     * The issue with its truncated lists and its watchers completed in place, or empty when it vanished meanwhile and
     * is left to the deletion reconciliation. Reads Jira only: safe to call from several threads at once.
     */
    private Optional<JsonNode> complete(JsonNode issue) {
        return completer.complete(issue).flatMap(watchers::complete);
    }

    /** Publishes a completed issue (Kafka acknowledges on the caller's flush). */
    private void publish(JsonNode payload, String projectKey, Instant updated) {
        publisher.publish(config.topics().jiraIssues(), events.upsert(JiraEntityType.ISSUE, payload.path("id").asText(),
                payload.path("key").asText(null), projectKey, updated, payload));
        IssueDigest digest = IssueDigest.of(payload);
        remember(digest);
        state.putDigest(config.site(), digest);
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
