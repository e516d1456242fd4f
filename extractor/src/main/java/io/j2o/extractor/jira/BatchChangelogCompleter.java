package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes the truncated histories of issues fetched together with one paged Cloud
 * {@code POST /changelog/bulkfetch} instead of a {@code /issue/{id}/changelog} read per issue: a batch of N such
 * issues then costs one request per {@code PAGE} histories rather than N or more. A lone truncated issue is left to
 * the per-issue read, which costs the same; so is any issue whose histories come back short of its {@code total}
 * (gone, or cut off meanwhile), so that what cannot be read here is read as before.
 */
final class BatchChangelogCompleter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchChangelogCompleter.class);
    /** The most histories the spec lets one page of the changelog bulk fetch ask for. */
    static final int PAGE = 10_000;

    private final JiraClient client;
    private final String path;
    private final int pageSize;

    /** @param path the changelog bulk fetch resource, e.g. {@code /rest/api/3/changelog/bulkfetch} */
    BatchChangelogCompleter(JiraClient client, String path, int pageSize) {
        this.client = client;
        this.path = path;
        this.pageSize = pageSize;
    }

    /** Writes the whole history into each issue of {@code issues} whose embedded one is truncated, when two or more are. */
    void complete(List<JsonNode> issues) {
        Map<String, ObjectNode> truncated = new LinkedHashMap<>();
        issues.forEach(issue -> {
            if (issue.path("changelog") instanceof ObjectNode changelog && TruncatedListCompleter.isTruncated(changelog, "histories")) {
                truncated.put(issue.path("id").asText(), changelog);
            }
        });
        if (truncated.size() < 2) {
            return;
        }
        Map<String, List<JsonNode>> read = histories(List.copyOf(truncated.keySet()));
        truncated.forEach((id, changelog) -> {
            List<JsonNode> all = read.getOrDefault(id, List.of());
            if (all.size() >= changelog.path("total").asInt()) {
                TruncatedListCompleter.writeWhole(changelog, "histories", all);
            }
        });
        LOG.debug("completed truncated histories together issues={} histories={}", truncated.size(),
                read.values().stream().mapToInt(List::size).sum());
    }

    /** Every history of each issue, oldest first, over every page; an issue Jira answers nothing for is absent. */
    private Map<String, List<JsonNode>> histories(List<String> issueIds) {
        Map<String, List<JsonNode>> byIssue = new HashMap<>();
        String token = null;
        do {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("maxResults", pageSize);
            issueIds.forEach(body.putArray("issueIdsOrKeys")::add);
            if (token != null) {
                body.put("nextPageToken", token);
            }
            JsonNode page = client.post(path, body);
            page.path("issueChangeLogs").forEach(issue -> issue.path("changeHistories").forEach(history ->
                    byIssue.computeIfAbsent(issue.path("issueId").asText(), id -> new ArrayList<>()).add(history)));
            token = page.path("nextPageToken").asText(null);
        } while (token != null && !token.isEmpty());
        return byIssue;
    }
}
