package io.j2o.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.GroupListing;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.publish.EntityEvents;
import io.j2o.extractor.publish.MetadataPublisher;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.JiraIds;
import io.j2o.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the entities Jira gives no change time for (users, groups, projects, versions) in full and publishes those whose
 * content changed since they were last published.
 */
final class MetadataExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(MetadataExtractor.class);

    private final JiraApi jira;
    private final EntityEvents events;
    private final MetadataPublisher publisher;
    private final Topics topics;

    MetadataExtractor(JiraApi jira, EntityEvents events, MetadataPublisher publisher, Topics topics) {
        this.jira = jira;
        this.events = events;
        this.publisher = publisher;
        this.topics = topics;
    }

    /**
     * Publishes the users that changed. A user Jira no longer lists is deliberately never published as deleted: the
     * migrated work packages, time entries and journals still name them (versions are kept alike, see
     * {@link #versions}); only groups are deleted.
     *
     * @return how many users were published
     */
    int users(boolean full) {
        List<JiraEntityEvent> users = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode user : jira.users()) {
            Optional<String> id = JiraIds.user(user);
            if (id.isEmpty()) {
                LOG.warn("skipping a Jira user without accountId, key or name displayName={}", user.path("displayName").asText());
            } else if (!seen.add(id.get())) {
                // Two different payloads under one id would overwrite each other on every pass, and OpenProject with them.
                LOG.warn("skipping a second Jira user listed under the same id userId={} displayName={}", id.get(),
                        user.path("displayName").asText());
            } else {
                users.add(events.upsert(JiraEntityType.USER, id.get(), null, null, null, user));
            }
        }
        return publisher.publishChanged(topics.jiraUsers(), users, full);
    }

    /**
     * Publishes the groups that changed, Cloud's by {@code groupId}, Data Center's by name (it has no id), and a
     * deletion for each group published before that a complete listing no longer names. A listing that failed throws
     * before anything is compared, and a partial one deletes nothing.
     *
     * @return how many groups were published, deletions included
     */
    int groups(boolean full) {
        GroupListing listing = jira.groups();
        List<JiraEntityEvent> groups = listing.groups().stream().map(group -> {
            return events.upsert(JiraEntityType.GROUP, JiraIds.group(group), group.path("name").asText(), null, null, group);
        }).toList();
        int published = publisher.publishChanged(topics.jiraGroups(), groups, full);
        if (!listing.complete()) {
            LOG.warn("Jira listed fewer groups than it holds, looking for deleted groups next time listed={}", groups.size());
            return published;
        }
        Set<String> listed = new HashSet<>();
        groups.forEach(group -> listed.add(group.getJiraId()));
        int deleted = publisher.publishVanished(topics.jiraGroups(), JiraEntityType.GROUP, listed,
                id -> events.delete(JiraEntityType.GROUP, id, null));
        if (deleted > 0) {
            LOG.info("groups deleted in Jira published deleted={}", deleted);
        }
        return published + deleted;
    }

    /** @return how many of {@code projects} were published */
    int projects(List<JsonNode> projects, boolean full) {
        List<JiraEntityEvent> projectEvents = projects.stream().map(project -> {
            String key = project.path("key").asText();
            return events.upsert(JiraEntityType.PROJECT, project.path("id").asText(), key, key, null, project);
        }).toList();
        return publisher.publishChanged(topics.jiraProjects(), projectEvents, full);
    }

    /**
     * Publishes the versions of {@code projects} that changed; a version Jira no longer lists is deliberately not
     * deleted, as work packages may still name it.
     *
     * @return how many versions of {@code projects} were published
     */
    int versions(List<JsonNode> projects, boolean full) {
        List<JiraEntityEvent> versions = new ArrayList<>();
        for (JsonNode project : projects) {
            String projectKey = project.path("key").asText();
            jira.versions(projectKey).forEach(version -> versions.add(
                    events.upsert(JiraEntityType.VERSION, version.path("id").asText(), null, projectKey, null, version)));
        }
        return publisher.publishChanged(topics.jiraVersions(), versions, full);
    }

}
