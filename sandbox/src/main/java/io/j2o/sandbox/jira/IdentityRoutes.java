package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code /serverInfo} and {@code /myself}: what a client reads first to learn the deployment and its user's zone.
 * Cloud names users by {@code accountId}; Data Center by {@code name} (the username) and {@code key}.
 */
final class IdentityRoutes {

    private final SimulatedSite site;

    IdentityRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        if (site.options().flavour() == JiraSimulator.Flavour.DATA_CENTER) {
            routes.get("/rest/api/2/serverInfo", this::dataCenterServerInfo);
            routes.get("/rest/api/2/myself", this::dataCenterMyself);
        } else {
            routes.get("/rest/api/3/serverInfo", this::serverInfo);
            routes.get("/rest/api/3/myself", this::myself);
        }
    }

    private void dataCenterServerInfo(Context ctx) {
        ObjectNode info = JsonResponses.MAPPER.createObjectNode();
        info.put("baseUrl", site.dataset().siteUrl());
        info.put("version", "10.3.24");
        info.putArray("versionNumbers").add(10).add(3).add(24);
        info.put("deploymentType", "DataCenter");
        info.put("buildNumber", 10030024);
        info.put("buildDate", site.timestamp(Instant.parse("2025-09-16T00:00:00Z")));
        info.put("serverTime", site.timestamp(site.now()));
        info.put("scmInfo", "0b5a4bd40b0ad5fd4e4a3c1e8f3fd7e2d0c8a912");
        info.put("serverTitle", site.options().serverTitle());
        JsonResponses.send(ctx, 200, info);
    }

    /** The API user as Data Center describes it: looked up by username among the site's users, or a service account. */
    private void dataCenterMyself(Context ctx) {
        String name = site.options().email();
        ObjectNode user = site.dataset().users().stream()
                .filter(candidate -> name.equalsIgnoreCase(candidate.path("name").asText())
                        || name.equalsIgnoreCase(candidate.path("emailAddress").asText()))
                .findFirst()
                .map(ObjectNode::deepCopy)
                .orElseGet(() -> {
                    ObjectNode account = JsonResponses.MAPPER.createObjectNode();
                    account.put("self", site.dataset().siteUrl() + "/rest/api/2/user?username=" + name);
                    account.put("key", "JIRAUSER10000");
                    account.put("name", name);
                    account.put("emailAddress", name.contains("@") ? name : name + "@example.com");
                    account.put("displayName", "j2o migration");
                    account.put("active", true);
                    account.put("deleted", false);
                    return account;
                });
        user.put("timeZone", site.options().timeZone().getId());
        user.put("locale", "en_US");
        // Data Center lists groups and roles only when expanded; unexpanded it gives their count.
        user.putObject("groups").put("size", 1);
        user.putObject("applicationRoles").put("size", 1);
        user.put("expand", "groups,applicationRoles");
        JsonResponses.send(ctx, 200, user);
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
