package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code Relation} in its stored (canonical) direction, as {@code relation_representer.rb} does. */
final class RelationRepresenter {

    private RelationRepresenter() {
    }

    /** Must be called under the store's lock: the work packages' subjects are the link titles. */
    static ObjectNode render(Relation relation, SimulatorStore store) {
        String self = Hal.API + "/relations/" + relation.id;
        ObjectNode node = Hal.object();
        node.put("_type", "Relation");
        node.put("id", relation.id);
        node.put("name", relation.type);
        node.put("type", relation.type);
        node.put("reverseType", Relation.REVERSE_OF.get(relation.type));
        node.put("description", relation.description);
        node.put("lag", relation.lag);
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self);
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        Hal.link(links, "delete", self).put("method", "delete");
        workPackageLink(links, "from", relation.fromId, store);
        workPackageLink(links, "to", relation.toId, store);
        return node;
    }

    private static void workPackageLink(ObjectNode links, String name, int id, SimulatorStore store) {
        WorkPackage wp = store.workPackages.get(id);
        Hal.link(links, name, Hal.API + "/work_packages/" + id, wp == null ? null : wp.subject);
    }
}
