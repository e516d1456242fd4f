package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDateTimes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Which worklogs changed since a time, on both flavours: {@code GET /worklog/updated?since=<epoch ms>} and
 * {@code /worklog/deleted?since=} ({@code ChangedWorklogs} pages of up to 1000, each worklog changed strictly after
 * {@code since}, the next page asked for with {@code since=<until>}), and {@code POST /worklog/list} to read the
 * worklogs of up to 1000 ids, each naming its {@code issueId}. Deletions are remembered from
 * {@link JiraSimulator#deleteWorklog}.
 */
final class WorklogChanges {

    private static final int PAGE = 1000;

    /** A deleted worklog and when it was deleted. */
    private record Deletion(String worklogId, Instant at) {
    }

    private final SimulatedSite site;
    private final List<Deletion> deletions = new CopyOnWriteArrayList<>();

    WorklogChanges(SimulatedSite site) {
        this.site = site;
    }

    void register(RoutesConfig routes) {
        routes.get(site.apiPath() + "/worklog/updated", ctx -> changed(ctx, "/worklog/updated", updated()));
        routes.get(site.apiPath() + "/worklog/deleted", ctx -> changed(ctx, "/worklog/deleted",
                deletions.stream().map(deletion -> new Change(deletion.worklogId(), deletion.at())).toList()));
        routes.post(site.apiPath() + "/worklog/list", this::list);
    }

    void deleted(String worklogId, Instant at) {
        deletions.add(new Deletion(worklogId, at));
    }

    /** A worklog id and the time of its last change. */
    private record Change(String worklogId, Instant at) {
    }

    private List<Change> updated() {
        List<Change> changes = new ArrayList<>();
        for (JsonNode worklog : worklogs()) {
            changes.add(new Change(worklog.path("id").asText(), JiraDateTimes.parse(worklog.path("updated").asText())));
        }
        return changes;
    }

    private List<JsonNode> worklogs() {
        List<JsonNode> all = new ArrayList<>();
        site.issues().snapshot().forEach(issue -> all.addAll(IssueActivity.WORKLOGS.all(issue)));
        return all;
    }

    private void changed(Context ctx, String path, List<Change> all) {
        long since = parseSince(ctx);
        List<Change> page = all.stream().filter(change -> change.at().toEpochMilli() > since)
                .sorted(Comparator.comparing(Change::at)).limit(PAGE).toList();
        long until = page.isEmpty() ? since : page.get(page.size() - 1).at().toEpochMilli();
        boolean last = all.stream().filter(change -> change.at().toEpochMilli() > since).count() <= page.size();
        String base = site.dataset().siteUrl() + site.apiPath() + path + "?since=";
        ObjectNode body = JsonResponses.MAPPER.createObjectNode();
        body.put("self", base + since);
        if (!last) {
            body.put("nextPage", base + until);
        }
        body.put("since", since);
        body.put("until", until);
        body.put("lastPage", last);
        ArrayNode values = body.putArray("values");
        page.forEach(change -> values.addObject().put("worklogId", Long.parseLong(change.worklogId()))
                .put("updatedTime", change.at().toEpochMilli()).putArray("properties"));
        JsonResponses.send(ctx, 200, body);
    }

    private static long parseSince(Context ctx) {
        String raw = ctx.queryParam("since");
        try {
            return raw == null || raw.isBlank() ? 0 : Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw JiraApiException.badRequest("The 'since' parameter must be a number of milliseconds, was '" + raw + "'.");
        }
    }

    private void list(Context ctx) {
        JsonNode ids = JsonResponses.readBody(ctx).path("ids");
        if (!ids.isArray() || ids.size() > PAGE) {
            throw JiraApiException.badRequest("ids must list up to " + PAGE + " worklog ids.");
        }
        Set<String> wanted = new HashSet<>();
        ids.forEach(id -> wanted.add(id.asText()));
        ArrayNode array = JsonResponses.MAPPER.createArrayNode();
        worklogs().stream().filter(worklog -> wanted.contains(worklog.path("id").asText()))
                .forEach(worklog -> array.add(worklog.deepCopy()));
        JsonResponses.send(ctx, 200, array);
    }
}
