package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code Membership} and the roles it grants, as {@code membership_representer.rb} does. */
final class MembershipRepresenter {

    private MembershipRepresenter() {
    }

    /** Must be called under the store's lock: link titles read the project and the principal. */
    static ObjectNode render(Membership membership, SimulatorStore store) {
        String self = Hal.API + "/memberships/" + membership.id;
        ObjectNode node = Hal.object();
        node.put("_type", "Membership");
        node.put("id", membership.id);
        node.put("createdAt", Hal.timestamp(membership.createdAt));
        node.put("updatedAt", Hal.timestamp(membership.updatedAt));
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self);
        Hal.link(links, "schema", Hal.API + "/memberships/schema");
        Hal.link(links, "update", self + "/form").put("method", "post");
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        ProjectRepresenter.link(links, "project", membership.projectId, store);
        principal(links, membership.principalId, store);
        ArrayNode roles = links.putArray("roles");
        membership.roleIds.forEach(id -> roles.addObject().put("href", Hal.API + "/roles/" + id)
                .put("title", ReferenceData.role(id).name()));
        return node;
    }

    /** Users and groups share their ids: the principal is whichever of them holds this one. */
    private static void principal(ObjectNode links, int id, SimulatorStore store) {
        Group group = store.groups.get(id);
        if (group != null) {
            Hal.link(links, "principal", Hal.API + "/groups/" + id, group.name);
            return;
        }
        User user = store.users.get(id);
        Hal.link(links, "principal", Hal.API + "/users/" + id, user == null ? null : user.name());
    }

    static ObjectNode role(ReferenceData.Role role) {
        ObjectNode node = Hal.object();
        node.put("_type", "Role");
        node.put("id", role.id());
        node.put("name", role.name());
        Hal.link(node.putObject("_links"), "self", Hal.API + "/roles/" + role.id(), role.name());
        return node;
    }
}
