package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work packages are found by the Jira key held in a configured custom field; updates carry the lockVersion just read
 * and a 409 re-reads and tries again. A work package whose lockVersion moved on since our last write was edited in
 * OpenProject: the {@link ConflictPolicy} decides whether our update goes ahead.
 */
public final class WorkPackageUpserter implements Upserter {

    private static final Logger LOG = LoggerFactory.getLogger(WorkPackageUpserter.class);
    private static final String WORK_PACKAGES = "/api/v3/work_packages";
    private static final int CONFLICT_ATTEMPTS = 5;

    private final OpenProjectClient client;
    private final String jiraKeyField;
    private final ConflictPolicy conflicts;

    /** @param jiraKeyField the API name of the custom field holding the Jira issue key, e.g. {@code customField1} */
    public WorkPackageUpserter(OpenProjectClient client, String jiraKeyField, ConflictPolicy conflicts) {
        this.client = client;
        this.jiraKeyField = jiraKeyField;
        this.conflicts = conflicts;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        String jiraKey = body.path(jiraKeyField).asText(null);
        if (jiraKey == null) {
            throw new MalformedCommandException("work package command has no " + jiraKeyField + " (the Jira key)");
        }
        for (int attempt = 1; ; attempt++) {
            Optional<JsonNode> existing = find(jiraKey, known);
            if (existing.isEmpty()) {
                return UpsertOutcome.of(JournalAction.CREATED, null, client.post(WORK_PACKAGES, body));
            }
            JsonNode current = existing.get();
            if (DesiredState.isSatisfiedBy(body, current)) {
                return UpsertOutcome.unchanged(current);
            }
            Optional<Integer> ours = lastWritten(current, known);
            if (ours.isPresent() && conflicts != ConflictPolicy.JIRA_WINS) {
                return keepOpenProjectEdit(jiraKey, current, ours.get());
            }
            ObjectNode patch = body.deepCopy().put("lockVersion", current.path("lockVersion").asInt());
            try {
                return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current), patch));
            } catch (OpenProjectException.Conflict conflict) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw conflict;
                }
                LOG.info("work package changed while we updated it, re-reading jiraKey={} attempt={}", jiraKey, attempt);
            }
        }
    }

    /**
     * The lockVersion of our last write when OpenProject's has moved on since (someone edited the work package there);
     * empty when there is nothing to compare: no mapping, a mapping of another work package, or no version in it.
     */
    private static Optional<Integer> lastWritten(JsonNode current, Optional<Mapping> known) {
        return known.filter(mapping -> mapping.getOpenProjectId() == current.path("id").asLong())
                .map(Mapping::getLockVersion)
                .filter(written -> written != current.path("lockVersion").asInt());
    }

    /**
     * OPENPROJECT_WINS keeps the whole work package as it is: keeping only the fields edited there would need what we
     * wrote last, and the mapping holds only its lockVersion. The mapping keeps that old lockVersion, so later Jira
     * changes are held back too until an operator re-syncs.
     */
    private UpsertOutcome keepOpenProjectEdit(String jiraKey, JsonNode current, int ours) {
        String message = "work package " + HalLinks.self(current) + " (" + jiraKey + ") was edited in OpenProject since j2o"
                + " wrote it: lockVersion " + ours + " in our mapping, " + current.path("lockVersion").asInt()
                + " in OpenProject";
        if (conflicts == ConflictPolicy.PARK) {
            throw new EditedInOpenProjectException(message);
        }
        LOG.warn("{}; kept as edited there (conflictPolicy=OPENPROJECT_WINS), the Jira change is not applied", message);
        return UpsertOutcome.unchanged(current).withLockVersion(ours);
    }

    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        return find(jiraKey, known).map(current -> {
            client.delete(HalLinks.self(current));
            return UpsertOutcome.of(JournalAction.DELETED, current, current);
        });
    }

    private Optional<JsonNode> find(String jiraKey, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known);
        if (byMapping.isPresent()) {
            return byMapping;
        }
        List<JsonNode> matches = client.list(WORK_PACKAGES, OpenProjectClient.filter(jiraKeyField, "=", jiraKey));
        if (matches.size() > 1) {
            LOG.warn("several work packages carry one Jira key, updating the oldest jiraKey={} count={}", jiraKey, matches.size());
        }
        return matches.stream().min(Comparator.comparingLong(wp -> wp.path("id").asLong()));
    }
}
