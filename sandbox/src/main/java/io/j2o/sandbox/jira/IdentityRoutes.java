package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** {@code /serverInfo} and {@code /myself}: what a client reads first to learn the deployment and its user's zone. */
final class IdentityRoutes {

    private final SimulatedSite site;

    IdentityRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get("/rest/api/3/serverInfo", this::serverInfo);
        routes.get("/rest/api/3/myself", this::myself);
    }

    private void serverInfo(Context ctx) {
        ObjectNode info = JsonResponses.MAPPER.createObjectNode();
        info.put("baseUrl", site.dataset().siteUrl());
        info.put("displayUrl", site.dataset().siteUrl());
        info.put("version", "1001.0.0-SNAPSHOT");
        info.putArray("versionNumbers").add(1001).add(0).add(0);
        info.put("deploymentType", "Cloud");
        info.put("buildNumber", 100293);
        info.put("buildDate", "2025-06-24T09:26:04.000+0000");
        info.put("serverTime", JiraDateTimes.format(site.now()));
        info.put("scmInfo", "5e5cf4a2f4a1ad3b0e6c0d4c2a1f1d8cbd7b2f3a");
        info.put("serverTitle", site.options().serverTitle());
        info.put("serverTimeZone", "Etc/UTC");
        JsonResponses.send(ctx, 200, info);
    }

    private void myself(Context ctx) {
        String email = site.options().email();
        ObjectNode user = site.dataset().users().stream()
                .filter(candidate -> email.equalsIgnoreCase(candidate.path("emailAddress").asText()))
                .findFirst()
                .map(ObjectNode::deepCopy)
                .orElseGet(() -> apiUser(email));
        user.put("timeZone", site.options().timeZone().getId());
        user.put("locale", "en_US");
        user.putObject("groups").put("size", 1).putArray("items");
        user.putObject("applicationRoles").put("size", 1).putArray("items");
        user.put("expand", "groups,applicationRoles");
        JsonResponses.send(ctx, 200, user);
    }

    private ObjectNode apiUser(String email) {
        String accountId = "712020:" + UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8));
        ObjectNode user = JsonResponses.MAPPER.createObjectNode();
        user.put("self", site.dataset().siteUrl() + "/rest/api/3/user?accountId=" + accountId);
        user.put("accountId", accountId);
        user.put("accountType", "atlassian");
        user.put("emailAddress", email);
        user.put("displayName", "j2o migration");
        user.put("active", true);
        return user;
    }
}
