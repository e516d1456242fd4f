package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The vocabularies the reference data implies beyond statuses, types and priorities: status categories (those of the
 * statuses, with Jira's built-in "No Category"), resolutions, issue link types (those the issues use) and each
 * project's components (those its issues name). Both flavours serve {@code /statuscategory}, {@code /issueLinkType}
 * (wrapped in {@code issueLinkTypes}) and {@code /project/{key}/components} as plain lists; Data Center serves
 * {@code /resolution} plainly, Cloud its paged {@code /resolution/search} and {@code /priority/search}
 * ({@code PageBean}s).
 */
final class VocabularyRoutes {

    /** What the paged vocabulary searches serve at most a page; the Cloud spec states no cap, 50 is its default. */
    private static final int SEARCH_PAGE_CAP = 100;

    private final SimulatedSite site;

    VocabularyRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        String api = site.apiPath();
        routes.get(api + "/statuscategory", ctx -> sendArray(ctx, this::statusCategories));
        routes.get(api + "/issueLinkType", ctx -> {
            ObjectNode body = JsonResponses.MAPPER.createObjectNode();
            body.putArray("issueLinkTypes").addAll(copies(issueLinkTypes()));
            JsonResponses.send(ctx, 200, body);
        });
        routes.get(api + "/project/{projectIdOrKey}/components", this::components);
        if (site.options().flavour() == JiraSimulator.Flavour.CLOUD) {
            routes.get(api + "/resolution/search", ctx -> sendPage(ctx, "/resolution/search", resolutions()));
            routes.get(api + "/priority/search", ctx -> sendPage(ctx, "/priority/search", site.dataset().priorities()));
        } else {
            routes.get(api + "/resolution", ctx -> sendArray(ctx, this::resolutions));
        }
    }

    /** The categories of the statuses, by id, after Jira's "No Category" that every site holds. */
    private List<ObjectNode> statusCategories() {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        ObjectNode undefined = JsonResponses.MAPPER.createObjectNode();
        undefined.put("self", site.dataset().siteUrl() + site.apiPath() + "/statuscategory/1");
        undefined.put("id", 1);
        undefined.put("key", "undefined");
        undefined.put("colorName", "medium-gray");
        undefined.put("name", "No Category");
        byId.put("1", undefined);
        site.dataset().statuses().forEach(status -> {
            JsonNode category = status.path("statusCategory");
            if (category.isObject()) {
                byId.putIfAbsent(category.path("id").asText(), (ObjectNode) category);
            }
        });
        return sorted(byId);
    }

    private List<ObjectNode> resolutions() {
        return distinctOverIssues(issue -> List.of(issue.path("fields").path("resolution")));
    }

    private List<ObjectNode> issueLinkTypes() {
        return distinctOverIssues(issue -> {
            List<JsonNode> types = new ArrayList<>();
            issue.path("fields").path("issuelinks").forEach(link -> types.add(link.path("type")));
            return types;
        });
    }

    private void components(Context ctx) {
        String idOrKey = ctx.pathParam("projectIdOrKey");
        ObjectNode project = site.project(idOrKey).orElseThrow(() -> JiraApiException.notFound(
                "No project could be found with " + (idOrKey.chars().allMatch(Character::isDigit) ? "id" : "key")
                        + " '" + idOrKey + "'."));
        String key = project.path("key").asText();
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        site.issues().snapshot().stream()
                .filter(issue -> issue.path("fields").path("project").path("key").asText().equals(key))
                .forEach(issue -> issue.path("fields").path("components").forEach(named -> {
                    if (named.isObject() && !byId.containsKey(named.path("id").asText())) {
                        ObjectNode component = ((ObjectNode) named).deepCopy();
                        component.put("project", key);
                        component.put("projectId", project.path("id").asLong());
                        byId.put(named.path("id").asText(), component);
                    }
                }));
        sendArray(ctx, () -> sorted(byId));
    }

    /** The objects {@code values} finds in the current issues, each once by id, ordered by id. */
    private List<ObjectNode> distinctOverIssues(Function<JsonNode, List<JsonNode>> values) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        site.issues().snapshot().forEach(issue -> values.apply(issue).forEach(value -> {
            if (value.isObject() && value.hasNonNull("id")) {
                byId.putIfAbsent(value.path("id").asText(), (ObjectNode) value);
            }
        }));
        return sorted(byId);
    }

    private static List<ObjectNode> sorted(Map<String, ObjectNode> byId) {
        return byId.values().stream()
                .sorted(Comparator.comparingLong((ObjectNode value) -> numeric(value.path("id").asText()))
                        .thenComparing(value -> value.path("id").asText()))
                .toList();
    }

    private static long numeric(String id) {
        return id.chars().allMatch(Character::isDigit) && !id.isEmpty() && id.length() < 19 ? Long.parseLong(id) : Long.MAX_VALUE;
    }

    /** A {@code PageBean} of {@code all}, paged by {@code startAt} and {@code maxResults} (default 50). */
    private void sendPage(Context ctx, String resource, List<ObjectNode> all) {
        JsonResponses.send(ctx, 200, Paging.pageBean(ctx, site.dataset().siteUrl() + site.apiPath() + resource + "?", 50,
                SEARCH_PAGE_CAP, all, ObjectNode::deepCopy));
    }

    private static List<ObjectNode> copies(List<ObjectNode> values) {
        return values.stream().map(ObjectNode::deepCopy).toList();
    }

    private static void sendArray(Context ctx, Supplier<List<ObjectNode>> values) {
        ArrayNode array = JsonResponses.MAPPER.createArrayNode();
        values.get().forEach(value -> array.add(value.deepCopy()));
        JsonResponses.send(ctx, 200, array);
    }
}
