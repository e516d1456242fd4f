package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JournalAction;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.markers.TextMarker;
import java.util.Optional;

/**
 * Time entries are found by the {@link TextMarker#WORKLOG} marker ending their comment among the time entries of
 * their work package. Commands name the work package as {@code _links.workPackage}; OpenProject 17 writes it as
 * {@code _links.entity} (time can be logged on meetings too), so the link is renamed on the way out.
 */
public final class TimeEntryUpserter implements Upserter {

    private static final String TIME_ENTRIES = "/api/v3/time_entries";

    private final OpenProjectClient client;

    public TimeEntryUpserter(OpenProjectClient client) {
        this.client = client;
    }

    @Override
    public UpsertOutcome upsert(ObjectNode body, Optional<Mapping> known) {
        Target target = Target.of(body);
        ObjectNode desired = body.deepCopy();
        ObjectNode links = (ObjectNode) desired.get("_links");
        links.set("entity", links.remove("workPackage"));
        Optional<JsonNode> existing = find(target, known);
        if (existing.isEmpty()) {
            return UpsertOutcome.of(JournalAction.CREATED, null, client.post(TIME_ENTRIES, desired));
        }
        JsonNode current = existing.get();
        if (DesiredState.isSatisfiedBy(desired, current)) {
            return UpsertOutcome.unchanged(current);
        }
        return UpsertOutcome.of(JournalAction.UPDATED, current, client.patch(HalLinks.self(current), desired));
    }

    /** The DELETE body names the work package and carries the marker, as a comment's does. */
    @Override
    public Optional<UpsertOutcome> delete(String jiraKey, ObjectNode body, Optional<Mapping> known) {
        Optional<JsonNode> existing = body == null ? KnownResource.find(client, known) : find(Target.of(body), known);
        return existing.map(current -> {
            client.delete(HalLinks.self(current));
            return UpsertOutcome.of(JournalAction.DELETED, current, current);
        });
    }

    private Optional<JsonNode> find(Target target, Optional<Mapping> known) {
        Optional<JsonNode> byMapping = KnownResource.find(client, known)
                .filter(entry -> MarkedText.isMarked(entry, TextMarker.WORKLOG, target.worklogId()));
        if (byMapping.isPresent()) {
            return byMapping;
        }
        var filters = OpenProjectClient.filter("entity_type", "=", "WorkPackage");
        OpenProjectClient.and(filters, "entity_id", "=", target.workPackageId());
        return MarkedText.find(client.list(TIME_ENTRIES, filters), TextMarker.WORKLOG, target.worklogId());
    }

    /** Which time entry a command is about: its work package and the Jira worklog id its marker carries. */
    private record Target(String workPackageId, String worklogId) {

        static Target of(JsonNode body) {
            String workPackageId = HalLinks.requiredId(body, "workPackage", "work_packages");
            String worklogId = TextMarker.WORKLOG.idIn(MarkedText.raw(body)).orElseThrow(() ->
                    new MalformedCommandException("time entry command whose comment ends without a j2o worklog marker"));
            return new Target(workPackageId, worklogId);
        }
    }
}
