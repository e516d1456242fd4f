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
import java.util.Set;

/**
 * Cloud's {@code POST /rest/api/3/issue/bulkfetch}: up to 100 issues by id or key, rendered as the enhanced search
 * renders them (the same projection, expansions and truncated embedded lists), in ascending id order. It reads the
 * issues themselves, not the search index, so a lagging index does not hide them; ids it does not know are omitted
 * silently, in neither {@code issues} nor {@code issueErrors}, as Jira omits what is gone or may not be seen.
 */
final class BulkFetchRoutes {

    static final int MAX_ISSUES = 100;
    static final String INVALID_PAYLOAD = "Invalid request payload. Refer to the REST API documentation and try again.";

    private final SimulatedSite site;

    BulkFetchRoutes(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.post("/rest/api/3/issue/bulkfetch", this::bulkFetch);
    }

    private void bulkFetch(Context ctx) {
        JsonNode request = JsonResponses.readBody(ctx);
        List<String> idsOrKeys = strings(request, "issueIdsOrKeys");
        if (idsOrKeys.isEmpty()) {
            throw JiraApiException.badRequest("At least one issue ID or key must be provided.");
        }
        if (idsOrKeys.size() > MAX_ISSUES) {
            throw JiraApiException.badRequest("The number of issues requested (" + idsOrKeys.size()
                    + ") exceeds the maximum of " + MAX_ISSUES + ".");
        }
        // Unlike the search, bulkfetch defaults to the navigable fields and takes expand as a list.
        FieldProjection projection = FieldProjection.parse(strings(request, "fields"), "*navigable");
        Set<String> expand = Paging.expand(String.join(",", strings(request, "expand")));
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        idsOrKeys.forEach(idOrKey -> site.issues().find(idOrKey.trim())
                .ifPresent(issue -> found.putIfAbsent(issue.get("id").asText(), issue)));
        List<ObjectNode> ascending = new ArrayList<>(found.values());
        ascending.sort(Comparator.comparing((ObjectNode issue) -> issue.get("id").asText(), BulkFetchRoutes::compareIds));
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        ArrayNode issues = body.putArray("issues");
        ArrayNode issueErrors = body.putArray("issueErrors");
        if (!ascending.isEmpty() && site.faults().takeBulkFetchIssueError()) {
            issueErrors.addObject().put("id", ascending.remove(0).get("id").asText())
                    .put("errorMessage", JiraFaults.ISSUE_NOT_RETURNED);
        }
        ascending.forEach(issue -> issues.add(IssueView.render(issue, projection, expand, JiraSimulator.Flavour.CLOUD)));
        JsonResponses.send(ctx, 200, body);
    }

    /** A list of strings of the request; anything but an array of strings is a payload Jira cannot read. */
    static List<String> strings(JsonNode request, String field) {
        JsonNode value = request.path(field);
        List<String> values = new ArrayList<>();
        if (value.isMissingNode() || value.isNull()) {
            return values;
        }
        if (!value.isArray()) {
            throw JiraApiException.badRequest(INVALID_PAYLOAD);
        }
        value.forEach(element -> {
            if (!element.isTextual()) {
                throw JiraApiException.badRequest(INVALID_PAYLOAD);
            }
            values.add(element.asText());
        });
        return values;
    }

    /** Numeric ids in numeric order; a captured payload's non-numeric id after them, by text. */
    static int compareIds(String left, String right) {
        boolean leftNumeric = left.chars().allMatch(Character::isDigit);
        boolean rightNumeric = right.chars().allMatch(Character::isDigit);
        if (leftNumeric && rightNumeric) {
            return left.length() != right.length() ? Integer.compare(left.length(), right.length()) : left.compareTo(right);
        }
        return leftNumeric != rightNumeric ? (leftNumeric ? -1 : 1) : left.compareTo(right);
    }
}
