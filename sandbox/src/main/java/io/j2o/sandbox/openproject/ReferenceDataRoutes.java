package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;

/** The API root and the read-only, unpaginated types, statuses and priorities. */
final class ReferenceDataRoutes {

    private final ReferenceDataRepresenter representer;

    ReferenceDataRoutes(ReferenceDataRepresenter representer) {
        this.representer = representer;
    }

    void root(Context ctx) {
        ObjectNode node = Hal.object();
        node.put("_type", "Root");
        node.put("instanceName", "OpenProject");
        node.put("coreVersion", "17.6.0");
        ObjectNode links = node.putObject("_links");
        Hal.link(links, "self", Hal.API);
        Hal.link(links, "configuration", Hal.API + "/configuration");
        Hal.link(links, "memberships", Hal.API + "/memberships");
        Hal.link(links, "priorities", Hal.API + "/priorities");
        Hal.link(links, "relations", Hal.API + "/relations");
        Hal.link(links, "statuses", Hal.API + "/statuses");
        Hal.link(links, "time_entries", Hal.API + "/time_entries");
        Hal.link(links, "types", Hal.API + "/types");
        Hal.link(links, "user", Hal.API + "/users/" + UserRoutes.API_USER_ID);
        Hal.link(links, "userPreferences", Hal.API + "/my_preferences");
        Hal.link(links, "workPackages", Hal.API + "/work_packages");
        HalResponse.send(ctx, 200, node);
    }

    void types(Context ctx) {
        HalResponse.send(ctx, 200, PageRequest.unpaginated(Hal.API + "/types",
                ReferenceData.TYPES.stream().map(representer::type).toList()));
    }

    void type(Context ctx) {
        send(ctx, Optional.ofNullable(ReferenceData.type(HalResponse.intParam(ctx, "id"))).map(representer::type));
    }

    void statuses(Context ctx) {
        HalResponse.send(ctx, 200, PageRequest.unpaginated(Hal.API + "/statuses",
                ReferenceData.STATUSES.stream().map(representer::status).toList()));
    }

    void status(Context ctx) {
        send(ctx, Optional.ofNullable(ReferenceData.status(HalResponse.intParam(ctx, "id")))
                .map(representer::status));
    }

    void priorities(Context ctx) {
        HalResponse.send(ctx, 200, PageRequest.unpaginated(Hal.API + "/priorities",
                ReferenceData.PRIORITIES.stream().map(representer::priority).toList()));
    }

    void priority(Context ctx) {
        send(ctx, Optional.ofNullable(ReferenceData.priority(HalResponse.intParam(ctx, "id")))
                .map(representer::priority));
    }

    private static void send(Context ctx, Optional<ObjectNode> body) {
        HalResponse.send(ctx, 200, body.orElseThrow(ApiError::notFound));
    }
}
