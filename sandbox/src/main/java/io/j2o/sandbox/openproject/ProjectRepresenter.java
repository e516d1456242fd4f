package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;

/** Renders a {@code Project} the way {@code GET /api/v3/projects/{id}} does. */
final class ProjectRepresenter {

    private ProjectRepresenter() {
    }

    /** Must be called under the store's lock: the parent and ancestor links read their projects. */
    static ObjectNode render(Project project, SimulatorStore store) {
        String self = Hal.API + "/projects/" + project.id;
        ObjectNode node = Hal.object();
        node.put("_type", "Project");
        node.put("id", project.id);
        node.put("identifier", project.identifier);
        node.put("name", project.name);
        node.put("active", project.active);
        node.put("public", project.isPublic);
        node.set("description", Hal.formattable("markdown", project.description));
        node.put("createdAt", Hal.timestamp(project.createdAt));
        node.put("updatedAt", Hal.timestamp(project.updatedAt));
        node.set("statusExplanation", Hal.formattable("markdown", ""));
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", self, project.name);
        Hal.link(links, "createWorkPackage", self + "/work_packages/form").put("method", "post");
        Hal.link(links, "createWorkPackageImmediately", self + "/work_packages").put("method", "post");
        Hal.link(links, "workPackages", self + "/work_packages");
        Hal.link(links, "categories", self + "/categories");
        Hal.link(links, "versions", self + "/versions");
        Hal.link(links, "memberships", Hal.API + "/memberships?filters=%5B%7B%22project%22%3A%7B%22operator%22"
                + "%3A%22%3D%22%2C%22values%22%3A%5B%22" + project.id + "%22%5D%7D%7D%5D");
        Hal.link(links, "types", self + "/types");
        Hal.link(links, "update", self + "/form").put("method", "post");
        Hal.link(links, "updateImmediately", self).put("method", "patch");
        if (project.parentId == null) {
            Hal.link(links, "parent", null);
        } else {
            link(links, "parent", project.parentId, store);
        }
        Hal.link(links, "status", null);
        ArrayNode ancestors = links.putArray("ancestors");
        // Root first, as OpenProject lists them.
        Deque<Project> chain = new ArrayDeque<>();
        for (Integer id = project.parentId; id != null; id = store.projects.get(id).parentId) {
            chain.push(store.projects.get(id));
        }
        chain.forEach(ancestor -> ancestors.addObject().put("href", Hal.API + "/projects/" + ancestor.id)
                .put("title", ancestor.name));
        return node;
    }

    /** {@code _links.<name>} to project {@code id}, titled with its name. Call under the store's lock. */
    static void link(ObjectNode links, String name, int id, SimulatorStore store) {
        Project project = store.projects.get(id);
        Hal.link(links, name, Hal.API + "/projects/" + id, project == null ? null : project.name);
    }
}
