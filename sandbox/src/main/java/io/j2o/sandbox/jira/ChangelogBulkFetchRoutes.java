package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cloud's {@code POST /rest/api/3/changelog/bulkfetch}: the histories of up to 1000 issues by id or key, oldest first
 * over all of them (by {@code created}, then issue id), {@code maxResults} histories a page (default 1000, at most
 * 10,000) grouped per issue, paged by an opaque {@code nextPageToken} that is absent on the last page. Issues it does
 * not know are omitted, as the issue bulk fetch omits them; {@code fieldIds} keeps only the changes of those fields.
 */
final class ChangelogBulkFetchRoutes {

    static final String PATH = "/rest/api/3/changelog/bulkfetch";
    static final int MAX_ISSUES = 1000;
    static final int MAX_FIELD_IDS = 10;
    static final int MAX_RESULTS = 10_000;
    private static final int DEFAULT_RESULTS = 1000;

    private final SimulatedSite site;

    /** One history of one issue, the unit a page counts. */
    private record Entry(String issueId, JsonNode history) {
    }

    ChangelogBulkFetchRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.post(PATH, this::bulkFetch);
    }

    private void bulkFetch(Context ctx) {
        JsonNode request = JsonResponses.readBody(ctx);
        List<String> idsOrKeys = BulkFetchRoutes.strings(request, "issueIdsOrKeys");
        List<String> fieldIds = BulkFetchRoutes.strings(request, "fieldIds");
        if (idsOrKeys.isEmpty() || idsOrKeys.size() > MAX_ISSUES) {
            throw JiraApiException.badRequest("Between 1 and " + MAX_ISSUES + " issue IDs or keys must be provided, were "
                    + idsOrKeys.size() + ".");
        }
        if (fieldIds.size() > MAX_FIELD_IDS) {
            throw JiraApiException.badRequest("At most " + MAX_FIELD_IDS + " field IDs may be provided, were " + fieldIds.size() + ".");
        }
        int maxResults = request.path("maxResults").asInt(DEFAULT_RESULTS);
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw JiraApiException.badRequest("maxResults must be between 1 and " + MAX_RESULTS + ", was " + maxResults + ".");
        }
        // The token is bound to the issues and fields asked for, so that replaying it with others is refused.
        String query = idsOrKeys + " " + fieldIds;
        String token = request.path("nextPageToken").asText(null);
        int offset = token == null ? 0 : SearchPageToken.decode(token, query);

        List<Entry> all = entries(idsOrKeys, Set.copyOf(fieldIds));
        List<Entry> page = all.subList(Math.min(offset, all.size()), Math.min(offset + maxResults, all.size()));
        Map<String, ArrayNode> byIssue = new LinkedHashMap<>();
        page.forEach(entry -> byIssue.computeIfAbsent(entry.issueId(), id -> JsonResponses.MAPPER.createArrayNode())
                .add(entry.history()));
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        ArrayNode changeLogs = body.putArray("issueChangeLogs");
        byIssue.forEach((issueId, histories) -> changeLogs.addObject().put("issueId", issueId).set("changeHistories", histories));
        if (offset + page.size() < all.size()) {
            body.put("nextPageToken", SearchPageToken.encode(offset + page.size(), query));
        }
        JsonResponses.send(ctx, 200, body);
    }

    /** Every history of the known issues asked for, oldest first, then by issue id; each issue's stored order kept. */
    private List<Entry> entries(List<String> idsOrKeys, Set<String> fieldIds) {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        idsOrKeys.forEach(idOrKey -> site.issues().find(idOrKey.trim())
                .ifPresent(issue -> found.putIfAbsent(issue.get("id").asText(), issue)));
        List<Entry> all = new ArrayList<>();
        found.forEach((issueId, issue) -> IssueChangelog.all(issue).forEach(history -> {
            if (fieldIds.isEmpty()) {
                all.add(new Entry(issueId, history.deepCopy()));
            } else if (!onlyFields(history, fieldIds).path("items").isEmpty()) {
                all.add(new Entry(issueId, onlyFields(history, fieldIds)));
            }
        }));
        all.sort(Comparator.comparing((Entry entry) -> JiraDateTimes.parse(entry.history().path("created").asText()))
                .thenComparing(Entry::issueId, BulkFetchRoutes::compareIds));
        return all;
    }

    private static JsonNode onlyFields(JsonNode history, Set<String> fieldIds) {
        ObjectNode copy = history.deepCopy();
        ArrayNode items = copy.putArray("items");
        history.path("items").forEach(item -> {
            if (fieldIds.contains(item.path("fieldId").asText())) {
                items.add(item.deepCopy());
            }
        });
        return copy;
    }
}
