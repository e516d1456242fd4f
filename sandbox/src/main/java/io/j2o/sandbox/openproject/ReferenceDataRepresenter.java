package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Renders the seeded types, statuses and priorities. */
final class ReferenceDataRepresenter {

    private final Instant seededAt;

    ReferenceDataRepresenter(Instant seededAt) {
        this.seededAt = seededAt;
    }

    ObjectNode type(ReferenceData.Type type) {
        ObjectNode node = Hal.object();
        node.put("_type", "Type");
        node.put("id", type.id());
        node.put("name", type.name());
        node.put("color", type.color());
        node.put("position", ReferenceData.TYPES.indexOf(type) + 1);
        node.put("isDefault", type.isDefault());
        node.put("isMilestone", type.isMilestone());
        node.put("createdAt", Hal.timestamp(seededAt));
        node.put("updatedAt", Hal.timestamp(seededAt));
        Hal.link(node.putObject("_links"), "self", Hal.API + "/types/" + type.id(), type.name());
        return node;
    }

    ObjectNode status(ReferenceData.Status status) {
        ObjectNode node = Hal.object();
        node.put("_type", "Status");
        node.put("id", status.id());
        node.put("name", status.name());
        node.put("isClosed", status.isClosed());
        node.put("color", status.color());
        node.put("isDefault", status.isDefault());
        node.put("isReadonly", false);
        node.put("excludedFromTotals", false);
        node.putNull("defaultDoneRatio");
        node.put("position", ReferenceData.STATUSES.indexOf(status) + 1);
        Hal.link(node.putObject("_links"), "self", Hal.API + "/statuses/" + status.id(), status.name());
        return node;
    }

    ObjectNode priority(ReferenceData.Priority priority) {
        ObjectNode node = Hal.object();
        node.put("_type", "Priority");
        node.put("id", priority.id());
        node.put("name", priority.name());
        node.put("position", ReferenceData.PRIORITIES.indexOf(priority) + 1);
        node.put("color", priority.color());
        node.put("isDefault", priority.isDefault());
        node.put("isActive", true);
        Hal.link(node.putObject("_links"), "self", Hal.API + "/priorities/" + priority.id(), priority.name());
        return node;
    }
}
