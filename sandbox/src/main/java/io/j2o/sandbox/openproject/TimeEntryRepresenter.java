package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code TimeEntry} logged on a work package, as {@code time_entry_representer.rb} does. */
final class TimeEntryRepresenter {

    private TimeEntryRepresenter() {
    }

    /** Must be called under the store's lock: link titles read the project, work package and user. */
    static ObjectNode render(TimeEntry entry, SimulatorStore store) {
        String self = Hal.API + "/time_entries/" + entry.id;
        ObjectNode node = Hal.object();
        node.put("_type", "TimeEntry");
        node.put("id", entry.id);
        node.set("comment", Hal.formattable("plain", entry.comment));
        node.put("spentOn", entry.spentOn.toString());
        node.put("hours", Hal.hours(entry.hours));
        node.put("ongoing", false);
        node.put("createdAt", Hal.timestamp(entry.createdAt));
        node.put("updatedAt", Hal.timestamp(entry.updatedAt));
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self);
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        Hal.link(links, "update", self + "/form").put("method", "post");
        Hal.link(links, "delete", self).put("method", "delete");
        Hal.link(links, "schema", Hal.API + "/time_entries/schema");
        ProjectRepresenter.link(links, "project", entry.projectId, store);
        WorkPackage wp = store.workPackages.get(entry.workPackageId);
        String wpHref = Hal.API + "/work_packages/" + entry.workPackageId;
        Hal.link(links, "entity", wpHref, wp == null ? null : wp.subject);
        // Kept by OpenProject 17 beside entity for clients written before meetings could carry time.
        Hal.link(links, "workPackage", wpHref, wp == null ? null : wp.subject);
        User user = store.users.get(entry.userId);
        Hal.link(links, "user", Hal.API + "/users/" + entry.userId, user == null ? null : user.name());
        ReferenceData.TimeEntryActivity activity = ReferenceData.timeEntryActivity(entry.activityId);
        Hal.link(links, "activity", Hal.API + "/time_entries/activities/" + activity.id(), activity.name());
        return node;
    }
}
