package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work packages are found by the Jira key held in a configured custom field; updates carry the lockVersion just read
 * and a 409 re-reads and tries again. A work package edited in OpenProject since our last write meets the
 * {@link ConflictPolicy}: under OPENPROJECT_WINS the fields whose value is no longer the one we wrote
 * ({@link WrittenFields}) are kept and the rest of the Jira change applied. A create carries the Jira creation time and
 * author when {@link OriginalAuthorship} may send them.
 */
public final class WorkPackageUpserter implements Upserter {

    private static final Logger LOG = LoggerFactory.getLogger(WorkPackageUpserter.class);
    private static final String WORK_PACKAGES = "/api/v3/work_packages";
    private static final int CONFLICT_ATTEMPTS = 5;

    private final OpenProjectClient client;
    private final String jiraKeyField;
    private final ConflictPolicy conflicts;
    private final OriginalAuthorship originals;

    /** Without the original author and creation time: {@link OriginalAuthors#NEVER}. */
    public WorkPackageUpserter(OpenProjectClient client, String jiraKeyField, ConflictPolicy conflicts) {
        this(client, jiraKeyField, conflicts, OriginalAuthors.NEVER);
    }

    /** @param jiraKeyField the API name of the custom field holding the Jira issue key, e.g. {@code customField1} */
    public WorkPackageUpserter(OpenProjectClient client, String jiraKeyField, ConflictPolicy conflicts,
            OriginalAuthors originalAuthors) {
        this.client = client;
        this.jiraKeyField = jiraKeyField;
        this.conflicts = conflicts;
        this.originals = new OriginalAuthorship(originalAuthors);
    }

    @Override
    public UpsertOutcome upsert(ObjectNode command, Optional<Mapping> known) {
        ObjectNode body = command.deepCopy();
        Optional<JsonNode> original = OriginalAuthorship.take(body);
        String jiraKey = body.path(jiraKeyField).asText(null);
        if (jiraKey == null) {
            throw new MalformedCommandException("work package command has no " + jiraKeyField + " (the Jira key)");
        }
        for (int attempt = 1; ; attempt++) {
            Optional<JsonNode> existing = find(jiraKey, known);
            if (existing.isEmpty()) {
                return create(body, original);
            }
            JsonNode current = existing.get();
            if (DesiredState.isSatisfiedBy(body, current)) {
                return UpsertOutcome.unchanged(current).withFields(WrittenFields.checksums(body, current), List.of());
            }
            Optional<Mapping> ours = known.filter(mapping -> mapping.getOpenProjectId() == current.path("id").asLong());
            Map<String, String> written = ours.map(Mapping::getFieldChecksums).orElse(null);
            Optional<Integer> editedAfter = editedSince(current, ours);
            List<String> kept = List.of();
            if (conflicts == ConflictPolicy.OPENPROJECT_WINS && written != null) {
                // Field by field, whatever the lockVersion says: a field kept once stays kept while it differs.
                kept = WrittenFields.editedSince(written, body, current);
            } else if (conflicts != ConflictPolicy.JIRA_WINS && editedAfter.isPresent()) {
                return keepOpenProjectEdit(jiraKey, current, editedAfter.get());
            }
            ObjectNode changes = WrittenFields.without(body, kept);
            if (!kept.isEmpty()) {
                LOG.info("fields edited in OpenProject kept, the rest of the Jira change applied jiraKey={} kept={}",
                        jiraKey, kept);
            }
            Map<String, String> keptChecksums = new TreeMap<>();
            kept.forEach(field -> keptChecksums.put(field, written.get(field)));
            if (DesiredState.isSatisfiedBy(changes, current)) {
                return UpsertOutcome.unchanged(current).withFields(checksums(changes, current, keptChecksums), kept);
            }
            ObjectNode patch = changes.deepCopy().put("lockVersion", current.path("lockVersion").asInt());
            try {
                JsonNode after = client.patch(HalLinks.self(current), patch);
                return UpsertOutcome.of(JournalAction.UPDATED, current, after)
                        .withFields(checksums(changes, after, keptChecksums), kept);
            } catch (OpenProjectException.Conflict conflict) {
                if (attempt >= CONFLICT_ATTEMPTS) {
                    throw conflict;
                }
                LOG.info("work package changed while we updated it, re-reading jiraKey={} attempt={}", jiraKey, attempt);
            }
        }
    }

    private UpsertOutcome create(ObjectNode body, Optional<JsonNode> original) {
        JsonNode created;
        try {
            created = client.post(WORK_PACKAGES, originals.addTo(body, original));
        } catch (OpenProjectException.ValidationFailed e) {
            if (!originals.retryWithout(e)) {
                throw e;
            }
            created = client.post(WORK_PACKAGES, body);
        }
        return UpsertOutcome.of(JournalAction.CREATED, null, created)
                .withFields(WrittenFields.checksums(body, created), List.of());
    }

    /** What we wrote now, and for the fields kept as edited in OpenProject what we wrote before: they stay "edited". */
    private static Map<String, String> checksums(JsonNode changes, JsonNode rendered, Map<String, String> kept) {
        Map<String, String> checksums = new TreeMap<>(WrittenFields.checksums(changes, rendered));
        checksums.putAll(kept);
        return checksums;
    }

    /**
     * The lockVersion of our last write when OpenProject's has moved on since (someone edited the work package there);
     * empty when there is nothing to compare: no mapping, a mapping of another work package, or no version in it.
     */
    private static Optional<Integer> editedSince(JsonNode current, Optional<Mapping> ours) {
        return ours.map(Mapping::getLockVersion).filter(written -> written != current.path("lockVersion").asInt());
    }

    /**
     * PARK, and OPENPROJECT_WINS for a mapping written before field checksums existed (what we wrote per field is
     * unknown, so the whole work package is kept). The mapping keeps that old lockVersion, so later Jira changes are
     * held back too until an operator re-syncs.
     */
    private UpsertOutcome keepOpenProjectEdit(String jiraKey, JsonNode current, int ours) {
        String message = "work package " + HalLinks.self(current) + " (" + jiraKey + ") was edited in OpenProject since j2o"
                + " wrote it: lockVersion " + ours + " in our mapping, " + current.path("lockVersion").asInt()
                + " in OpenProject";
        if (conflicts == ConflictPolicy.PARK) {
            throw new EditedInOpenProjectException(message);
        }
        LOG.warn("{}; kept as edited there (conflictPolicy=OPENPROJECT_WINS, no field checksums in the mapping), the Jira"
                + " change is not applied", message);
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
