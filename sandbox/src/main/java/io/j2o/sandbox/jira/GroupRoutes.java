package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The site's groups and their members. Cloud: {@code /group/bulk} (a {@code PageBeanGroupDetails}) and
 * {@code /group/member} by {@code groupId} or {@code groupname} (a {@code PageBeanUserDetails}), both paged by
 * {@code startAt} up to 50. Data Center: {@code /groups/picker} (every matching group at once, 20 unless
 * {@code maxResults} says otherwise, with the {@code total}) and {@code /group/member} by {@code groupname}, paged
 * by {@code startAt} up to 50. Inactive members are listed only with {@code includeInactiveUsers=true}.
 */
final class GroupRoutes {

    private static final int PAGE_CAP = 50;
    private static final int PICKER_DEFAULT = 20;

    private final SimulatedSite site;

    GroupRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        if (site.options().flavour() == JiraSimulator.Flavour.DATA_CENTER) {
            routes.get("/rest/api/2/groups/picker", this::picker);
        } else {
            routes.get("/rest/api/3/group/bulk", this::bulk);
        }
        routes.get(site.apiPath() + "/group/member", this::members);
    }

    private void bulk(Context ctx) {
        List<ObjectNode> groups = site.dataset().groups().stream().map(group -> {
            ObjectNode details = JsonResponses.MAPPER.createObjectNode();
            details.put("groupId", group.path("groupId").asText());
            details.put("name", group.path("name").asText());
            return details;
        }).toList();
        JsonResponses.send(ctx, 200, page(ctx, "/rest/api/3/group/bulk", "", groups));
    }

    private void picker(Context ctx) {
        String query = Optional.ofNullable(ctx.queryParam("query")).orElse("").toLowerCase(Locale.ROOT);
        int maxResults = Paging.intParam(ctx, "maxResults", PICKER_DEFAULT, 0, Integer.MAX_VALUE);
        List<ObjectNode> matching = site.dataset().groups().stream()
                .filter(group -> group.path("name").asText().toLowerCase(Locale.ROOT).contains(query)).toList();
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        int shown = Math.min(maxResults, matching.size());
        body.put("header", "Showing " + shown + " of " + matching.size() + " matching groups");
        body.put("total", matching.size());
        var array = body.putArray("groups");
        matching.stream().limit(maxResults).forEach(group -> {
            String name = group.path("name").asText();
            ObjectNode suggestion = array.addObject();
            suggestion.put("name", name);
            suggestion.put("html", highlighted(name, query));
            suggestion.putArray("labels");
        });
        JsonResponses.send(ctx, 200, body);
    }

    private void members(Context ctx) {
        String groupId = ctx.queryParam("groupId");
        String groupName = ctx.queryParam("groupname");
        boolean cloud = site.options().flavour() == JiraSimulator.Flavour.CLOUD;
        // Cloud takes either; the id wins when both are given. Data Center knows groups by name only.
        boolean byId = cloud && groupId != null && !groupId.isBlank();
        if (!byId && (groupName == null || groupName.isBlank())) {
            throw JiraApiException.badRequest(cloud ? "You must specify groupname or groupId." : "Group name must not be empty.");
        }
        ObjectNode group = site.dataset().groups().stream()
                .filter(candidate -> byId ? groupId.equals(candidate.path("groupId").asText())
                        : candidate.path("name").asText().equalsIgnoreCase(groupName))
                .findFirst()
                .orElseThrow(() -> JiraApiException.notFound("The group '" + (byId ? groupId : groupName) + "' does not exist."));
        boolean inactive = "true".equalsIgnoreCase(ctx.queryParam("includeInactiveUsers"));
        List<ObjectNode> users = StreamSupport.stream(group.path("users").spliterator(), false)
                .filter(user -> inactive || user.path("active").asBoolean(true))
                .map(ObjectNode.class::cast).toList();
        String selector = byId ? "groupId=" + encode(groupId) : "groupname=" + encode(groupName);
        JsonResponses.send(ctx, 200, page(ctx, site.apiPath() + "/group/member",
                selector + "&includeInactiveUsers=" + inactive + "&", users));
    }

    /** Jira's PageBean of {@code all}, at most {@value #PAGE_CAP} a page. */
    private ObjectNode page(Context ctx, String path, String query, List<ObjectNode> all) {
        return Paging.pageBean(ctx, site.dataset().siteUrl() + path + "?" + query, PAGE_CAP, PAGE_CAP, all, ObjectNode::deepCopy);
    }

    /** The picker marks the matched part of each name in bold. */
    private static String highlighted(String name, String query) {
        int at = query.isEmpty() ? -1 : name.toLowerCase(Locale.ROOT).indexOf(query);
        return at < 0 ? name : name.substring(0, at) + "<b>" + name.substring(at, at + query.length()) + "</b>"
                + name.substring(at + query.length());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
