package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * A project's roles on both flavours: {@code /project/{idOrKey}/role} (every role's name with the URL of its
 * details, under the project as the caller named it) and {@code /project/{idOrKey}/role/{id}} (the role with its
 * actors: Cloud's {@code ProjectRole}, Data Center's {@code ProjectRoleBean}).
 */
final class ProjectRoleRoutes {

    private final SimulatedSite site;

    ProjectRoleRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get(site.apiPath() + "/project/{projectIdOrKey}/role", this::roles);
        routes.get(site.apiPath() + "/project/{projectIdOrKey}/role/{id}", this::role);
    }

    private void roles(Context ctx) {
        String idOrKey = ctx.pathParam("projectIdOrKey");
        ObjectNode project = project(idOrKey);
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        site.dataset().rolesOf(project.path("key").asText()).forEach(role -> body.put(role.path("name").asText(),
                site.dataset().siteUrl() + site.apiPath() + "/project/" + idOrKey + "/role/" + role.path("id").asText()));
        JsonResponses.send(ctx, 200, body);
    }

    private void role(Context ctx) {
        String idOrKey = ctx.pathParam("projectIdOrKey");
        ObjectNode project = project(idOrKey);
        String id = ctx.pathParam("id");
        if (!id.chars().allMatch(Character::isDigit) || id.isEmpty()) {
            throw JiraApiException.badRequest("The project role id must be a number.");
        }
        ObjectNode role = site.dataset().rolesOf(project.path("key").asText()).stream()
                .filter(candidate -> candidate.path("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> JiraApiException.notFound("Can not retrieve a role actor for a null project role."))
                .deepCopy();
        role.put("self", site.dataset().siteUrl() + site.apiPath() + "/project/" + idOrKey + "/role/" + id);
        JsonResponses.send(ctx, 200, role);
    }

    private ObjectNode project(String idOrKey) {
        return site.project(idOrKey).orElseThrow(() -> JiraApiException.notFound(
                "No project could be found with " + (idOrKey.chars().allMatch(Character::isDigit) ? "id" : "key")
                        + " '" + idOrKey + "'."));
    }
}
