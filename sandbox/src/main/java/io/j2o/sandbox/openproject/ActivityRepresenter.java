package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a journal as OpenProject's {@code ActivityRepresenter} does: {@code Activity::Comment} when it has notes,
 * plain {@code Activity} when it only records changes.
 */
final class ActivityRepresenter {

    private ActivityRepresenter() {
    }

    static ObjectNode render(Activity activity, SimulatorStore store) {
        ObjectNode node = Hal.object();
        node.put("_type", activity.isComment() ? "Activity::Comment" : "Activity");
        node.put("id", activity.id());
        node.set("comment", Hal.formattable("markdown", activity.comment()));
        var details = node.putArray("details");
        activity.details().forEach(line -> details.add(Hal.formattable("custom", line)));
        node.put("version", activity.version());
        node.put("internal", false);
        node.put("createdAt", Hal.timestamp(activity.createdAt()));
        node.put("updatedAt", Hal.timestamp(activity.updatedAt()));
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", Hal.API + "/activities/" + activity.id());
        Hal.link(links, "update", Hal.API + "/activities/" + activity.id()).put("method", "patch");
        WorkPackage workPackage = store.workPackages.get(activity.workPackageId());
        Hal.link(links, "workPackage", Hal.API + "/work_packages/" + activity.workPackageId(),
                workPackage == null ? null : workPackage.subject);
        User user = store.users.get(activity.userId());
        Hal.link(links, "user", Hal.API + "/users/" + activity.userId(), user == null ? null : user.name());
        return node;
    }
}
