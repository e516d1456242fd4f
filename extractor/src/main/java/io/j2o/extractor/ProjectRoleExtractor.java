package io.j2o.extractor;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.jira.JiraApi;
import io.j2o.extractor.jira.JiraException;
import io.j2o.extractor.publish.EntityEvents;
import io.j2o.extractor.publish.MetadataPublisher;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every role of the extracted projects with its actors (users and groups) and publishes those whose content
 * changed on the projects topic, one event per project and role ({@code project_role:<projectId>_<roleId>}): Jira
 * gives roles no change time, so they are read in full with the other metadata.
 */
final class ProjectRoleExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectRoleExtractor.class);

    private final JiraApi jira;
    private final EntityEvents events;
    private final MetadataPublisher publisher;
    private final Topics topics;

    ProjectRoleExtractor(JiraApi jira, EntityEvents events, MetadataPublisher publisher, Topics topics) {
        this.jira = jira;
        this.events = events;
        this.publisher = publisher;
        this.topics = topics;
    }

    /** The id of a project role's event: roles are site-wide in Jira, their actors per project. */
    static String roleId(String projectId, String roleId) {
        return projectId + "_" + roleId;
    }

    /** @return how many roles of {@code projects} were published */
    int roles(List<JsonNode> projects, boolean full) {
        List<JiraEntityEvent> roles = new ArrayList<>();
        for (JsonNode project : projects) {
            String projectKey = project.path("key").asText();
            String projectId = project.path("id").asText();
            List<JsonNode> projectRoles;
            try {
                projectRoles = jira.projectRoles(projectKey);
            } catch (JiraException e) {
                if (e.status() != 404) {
                    throw e;
                }
                // Jira hides a project's roles from a user who may not administer it; its issues still migrate.
                LOG.warn("skipping the roles of a project the API user may not administer projectKey={}", projectKey);
                continue;
            }
            for (JsonNode role : projectRoles) {
                String id = roleId(projectId, role.path("id").asText());
                roles.add(events.upsert(JiraEntityType.PROJECT_ROLE, id, role.path("name").asText(), projectKey, null, role));
            }
        }
        return publisher.publishChanged(topics.jiraProjects(), roles, full);
    }
}
