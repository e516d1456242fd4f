package io.j2o.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.jira.JiraException;
import io.j2o.extractor.jira.JiraVocabulary;
import io.j2o.extractor.publish.EntityEvents;
import io.j2o.extractor.publish.MetadataPublisher;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.EntityKeys;
import io.j2o.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Jira's vocabularies (statuses, status categories, issue types, priorities, resolutions, fields, issue link
 * types and each extracted project's components) in full and publishes the entries whose content changed on the
 * vocabulary topic. They are kept for audit and replay: OpenProject gets them through the mapping configuration, not
 * as commands. A vocabulary the API user may not read is skipped with a warning; the others are still published.
 */
final class VocabularyExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(VocabularyExtractor.class);

    private final JiraApi jira;
    private final EntityEvents events;
    private final MetadataPublisher publisher;
    private final Topics topics;

    VocabularyExtractor(JiraApi jira, EntityEvents events, MetadataPublisher publisher, Topics topics) {
        this.jira = jira;
        this.events = events;
        this.publisher = publisher;
        this.topics = topics;
    }

    /** @return how many vocabulary entries were published, the components of {@code projects} included */
    int vocabularies(List<JsonNode> projects, boolean full) {
        List<JiraEntityEvent> entries = new ArrayList<>();
        for (JiraVocabulary vocabulary : JiraVocabulary.values()) {
            readable(vocabulary.name().toLowerCase(Locale.ROOT), null, () -> jira.vocabulary(vocabulary))
                    .ifPresent(listed -> listed.forEach(entry -> entries.add(event(vocabulary.entityType(), entry, null))));
        }
        for (JsonNode project : projects) {
            String projectKey = project.path("key").asText();
            readable("component", projectKey, () -> jira.components(projectKey))
                    .ifPresent(listed -> listed.forEach(entry -> entries.add(event(JiraEntityType.COMPONENT, entry, projectKey))));
        }
        return publisher.publishChanged(topics.jiraVocabulary(), once(entries), full);
    }

    /**
     * The entries without a second one under the same key: two payloads under one key would overwrite each other on
     * every pass (e.g. a component id two projects list).
     */
    private static List<JiraEntityEvent> once(List<JiraEntityEvent> entries) {
        Set<String> keys = new HashSet<>();
        List<JiraEntityEvent> distinct = new ArrayList<>();
        for (JiraEntityEvent entry : entries) {
            if (keys.add(EntityKeys.jiraKey(entry.getEntityType(), entry.getJiraId()))) {
                distinct.add(entry);
            } else {
                LOG.warn("skipping a second Jira vocabulary entry listed under the same id type={} id={} name={} projectKey={}",
                        entry.getEntityType(), entry.getJiraId(), entry.getJiraKey(), entry.getProjectKey());
            }
        }
        return distinct;
    }

    private JiraEntityEvent event(JiraEntityType type, JsonNode entry, String projectKey) {
        // Fields have string ids ("summary", "customfield_10010"); every other entry a number or a numeric string.
        return events.upsert(type, entry.path("id").asText(), entry.path("name").asText(null), projectKey, null, entry);
    }

    /** The listing, or empty when Jira refuses it to the API user (403) or hides it (404). */
    private static Optional<List<JsonNode>> readable(String vocabulary, String projectKey, Supplier<List<JsonNode>> read) {
        try {
            return Optional.of(read.get());
        } catch (JiraException e) {
            if (e.status() != 403 && e.status() != 404) {
                throw e;
            }
            LOG.warn("skipping a Jira vocabulary the API user may not read vocabulary={} projectKey={} status={}",
                    vocabulary, projectKey, e.status());
            return Optional.empty();
        }
    }
}
