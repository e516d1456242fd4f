package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders a {@code User} as an admin sees it (login and email included). */
final class UserRepresenter {

    private UserRepresenter() {
    }

    static ObjectNode render(User user) {
        String self = Hal.API + "/users/" + user.id;
        ObjectNode node = Hal.object();
        node.put("_type", "User");
        node.put("id", user.id);
        node.put("name", user.name());
        node.put("createdAt", Hal.timestamp(user.createdAt));
        node.put("updatedAt", Hal.timestamp(user.updatedAt));
        node.put("login", user.login);
        node.put("admin", user.admin);
        node.put("firstName", user.firstName);
        node.put("lastName", user.lastName);
        node.put("email", user.email);
        node.putNull("avatar");
        node.put("status", user.status);
        node.putNull("identityUrl");
        node.put("language", user.language);
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self, user.name());
        Hal.link(links, "memberships", Hal.API + "/memberships?filters=%5B%7B%22principal%22%3A%7B%22operator%22"
                + "%3A%22%3D%22%2C%22values%22%3A%5B%22" + user.id + "%22%5D%7D%7D%5D");
        Hal.link(links, "showUser", "/users/" + user.id).put("type", "text/html");
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        Hal.link(links, "lock", self + "/lock").put("method", "post");
        Hal.link(links, "delete", self).put("method", "delete");
        return node;
    }
}
