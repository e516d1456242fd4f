package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.JiraFlavour;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Jira Data Center / Server REST v2: the plain project list and {@code /search} paged by {@code startAt}.
 *
 * <p>Data Center 10 fails a search that reaches past {@code jira.search.platform.max.result.window} (10,000 by
 * default) with 500, so no query is paged deeper than that window. Instead the query restarts as a keyset window:
 * issues by update time restart at the minute of the last issue read ({@code updated >= <minute> ORDER BY updated
 * ASC, key ASC}), re-reading that minute and dropping what was already handed on by {@code (id, updated)}; should
 * a whole window fall into one minute, that minute is read by key ({@code key > <last key>}). Ids restart after the
 * last key. Any number of issues is read this way.
 */
public final class DataCenterJiraApi extends JiraApiBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String API = "/rest/api/2";
    private static final List<String> ALL_FIELDS = List.of("*all");
    /** Data Center sends each issue's id and key anyway; {@code watches} adds the watch count. */
    private static final List<String> ID_AND_WATCHES = List.of("id", "watches");
    /** Data Center caps every search page at 1000 by default; asking for more only asks for the cap. */
    private static final int ID_PAGE = 1000;

    private final int pageSize;
    private final int searchWindow;

    /** A window read to its end ({@code complete}) or to the search window's limit, and its last issue. */
    private record Window(boolean complete, JsonNode last) {
    }

    public DataCenterJiraApi(JiraClient client, int pageSize, int searchWindow) {
        super(client, API);
        if (searchWindow < 1) {
            throw new IllegalArgumentException("the search window must be positive, was " + searchWindow);
        }
        this.pageSize = pageSize;
        this.searchWindow = searchWindow;
    }

    /** Data Center's worklog resource declares no paging parameters: it answers every worklog of the issue at once. */
    @Override
    protected boolean pages(EmbeddedList list) {
        return list != EmbeddedList.WORKLOGS;
    }

    @Override
    public JiraFlavour flavour() {
        return JiraFlavour.DATA_CENTER;
    }

    @Override
    public String apiVersion() {
        return "2";
    }

    @Override
    public List<JsonNode> projects() {
        return elements(API + "/project", client.get(API + "/project"));
    }

    @Override
    public List<JsonNode> users() {
        return arrayPages(API + "/user/search?username=.&includeActive=true&includeInactive=true");
    }

    /**
     * The group picker does not page: it answers up to {@code maxResults} groups with the {@code total}, so a site
     * with more groups than asked for is asked once more for all of them. The picker's {@code html} and
     * {@code labels} only decorate a suggestion; a group is its name.
     */
    @Override
    public GroupListing groups() {
        JsonNode picked = client.get(API + "/groups/picker?maxResults=" + PAGE);
        if (picked.path("total").asInt(0) > picked.path("groups").size()) {
            picked = client.get(API + "/groups/picker?maxResults=" + picked.path("total").asInt());
        }
        List<ObjectNode> groups = new ArrayList<>();
        for (JsonNode suggestion : picked.path("groups")) {
            String name = suggestion.path("name").asText();
            groups.add(withMembers(MAPPER.createObjectNode().put("name", name), "groupname=" + encode(name)));
        }
        return new GroupListing(groups, groups.size() >= picked.path("total").asInt(0));
    }

    /** Data Center has no changelog resource; an issue read alone embeds its whole history. */
    @Override
    public Optional<List<JsonNode>> changelog(String issueId) {
        return client.find(API + "/issue/" + issueId + "?fields=id&expand=changelog").map(issue -> {
            List<JsonNode> all = new ArrayList<>();
            issue.path("changelog").path("histories").forEach(all::add);
            return all;
        });
    }

    @Override
    public void issuesUpdatedSince(String projectKey, Instant since, ZoneId zone, Predicate<ListedIssue> wanted,
                                   Function<JsonNode, Optional<JsonNode>> complete, Consumer<JsonNode> each) {
        Map<String, Instant> seen = new HashMap<>();
        Consumer<JsonNode> once = issue -> {
            Instant updated = updatedOf(issue);
            if ((updated == null || !updated.equals(seen.put(issue.path("id").asText(), updated)))
                    && wanted.test(listed(issue))) {
                complete.apply(issue).ifPresent(each);
            }
        };
        Instant from = since;
        while (true) {
            Window window = readWindow(Jql.issuesUpdatedSince(projectKey, from, zone), ALL_FIELDS, pageSize, once);
            if (window.complete()) {
                return;
            }
            Instant next = updatedOf(window.last());
            if (next == null) {
                throw new JiraException.UnexpectedResponse(200, "issue " + window.last().path("key").asText()
                        + " has no readable 'updated'; cannot page past the search window of " + searchWindow);
            }
            if (from != null && Jql.minuteOf(next, zone).equals(Jql.minuteOf(from, zone))) {
                // A whole window shares one minute: read that minute by key, then go on after it.
                Instant minute = Jql.minuteOf(next, zone);
                readMinuteByKey(projectKey, minute, zone, once);
                next = minute.plus(Duration.ofMinutes(1));
            }
            Instant restart = Jql.minuteOf(next, zone);
            // What was read before the restart minute cannot come again; only the overlap needs remembering.
            seen.values().removeIf(updated -> updated.isBefore(restart));
            from = next;
        }
    }

    @Override
    public void issueIds(String projectKey, Consumer<ListedIssue> each) {
        String afterKey = null;
        while (true) {
            Window window = readWindow(Jql.issuesByKey(projectKey, afterKey), ID_AND_WATCHES, ID_PAGE,
                    issue -> each.accept(listed(issue)));
            if (window.complete()) {
                return;
            }
            afterKey = window.last().path("key").asText();
        }
    }

    private void readMinuteByKey(String projectKey, Instant minute, ZoneId zone, Consumer<JsonNode> each) {
        String afterKey = null;
        while (true) {
            Window window = readWindow(Jql.issuesUpdatedInMinute(projectKey, minute, zone, afterKey), ALL_FIELDS, pageSize, each);
            if (window.complete()) {
                return;
            }
            afterKey = window.last().path("key").asText();
        }
    }

    /** Pages one query with {@code startAt}, never asking for a result beyond the search window. */
    private Window readWindow(String jql, List<String> fields, int maxPage, Consumer<JsonNode> each) {
        JsonNode last = null;
        int startAt = 0;
        while (true) {
            int maxResults = Math.min(maxPage, searchWindow - startAt);
            if (maxResults < 1) {
                return new Window(false, last);
            }
            ObjectNode body = MAPPER.createObjectNode().put("jql", jql).put("startAt", startAt).put("maxResults", maxResults);
            fields.forEach(body.putArray("fields")::add);
            if (fields.equals(ALL_FIELDS)) {
                body.putArray("expand").add("changelog");
            }
            JsonNode page = client.search(API + "/search", body);
            JsonNode issues = page.path("issues");
            issues.forEach(each);
            if (!issues.isEmpty()) {
                last = issues.get(issues.size() - 1);
            }
            startAt += issues.size();
            // The server may return fewer than asked for; only an empty page or the total ends the query.
            if (issues.isEmpty() || startAt >= page.path("total").asInt(0)) {
                return new Window(true, last);
            }
        }
    }

    private static Instant updatedOf(JsonNode issue) {
        JsonNode updated = Objects.requireNonNull(issue).path("fields").path("updated");
        return JiraTimestamps.parse(updated.isTextual() ? updated.asText() : null).orElse(null);
    }
}
