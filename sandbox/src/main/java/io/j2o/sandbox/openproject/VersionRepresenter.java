package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code Version} as {@code version_representer.rb} does. */
final class VersionRepresenter {

    private VersionRepresenter() {
    }

    /** Must be called under the store's lock: the defining project's name is its link title. */
    static ObjectNode render(Version version, SimulatorStore store) {
        String self = Hal.API + "/versions/" + version.id;
        ObjectNode node = Hal.object();
        node.put("_type", "Version");
        node.put("id", version.id);
        node.put("name", version.name);
        node.set("description", Hal.formattable("plain", version.description));
        node.put("startDate", version.startDate == null ? null : version.startDate.toString());
        node.put("endDate", version.endDate == null ? null : version.endDate.toString());
        node.put("status", version.status);
        node.put("sharing", version.sharing);
        node.put("createdAt", Hal.timestamp(version.createdAt));
        node.put("updatedAt", Hal.timestamp(version.updatedAt));
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self, version.name);
        Hal.link(links, "schema", Hal.API + "/versions/schema");
        Hal.link(links, "update", self + "/form").put("method", "post");
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        ProjectRepresenter.link(links, "definingProject", version.projectId, store);
        Hal.link(links, "availableInProjects", self + "/projects");
        return node;
    }
}
