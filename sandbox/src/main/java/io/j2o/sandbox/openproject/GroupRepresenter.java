package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code Group} as an admin sees it: its members both linked and embedded, as {@code group_representer.rb}. */
final class GroupRepresenter {

    private GroupRepresenter() {
    }

    /** Must be called under the store's lock: the members are read from the users. */
    static ObjectNode render(Group group, SimulatorStore store) {
        String self = Hal.API + "/groups/" + group.id;
        ObjectNode node = Hal.object();
        node.put("_type", "Group");
        node.put("id", group.id);
        node.put("name", group.name);
        node.put("createdAt", Hal.timestamp(group.createdAt));
        node.put("updatedAt", Hal.timestamp(group.updatedAt));
        ArrayNode embedded = node.putObject("_embedded").putArray("members");
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self, group.name);
        Hal.link(links, "memberships", Hal.API + "/memberships?filters=%5B%7B%22principal%22%3A%7B%22operator%22"
                + "%3A%22%3D%22%2C%22values%22%3A%5B%22" + group.id + "%22%5D%7D%7D%5D", "Memberships");
        Hal.link(links, "delete", self).put("method", "delete");
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        ArrayNode members = links.putArray("members");
        group.memberIds.stream().map(store.users::get).forEach(user -> {
            embedded.add(UserRepresenter.render(user));
            members.addObject().put("href", Hal.API + "/users/" + user.id).put("title", user.name());
        });
        return node;
    }
}
