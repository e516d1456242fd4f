package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both flavours serve alike under their REST root: the API user, an issue's project, a project's versions (one
 * plain array), an issue's comments and worklogs ({@code startAt}-paged to {@code total}; Data Center answers every
 * worklog at once), an issue's watchers, a group's members ({@code PageBean}s of users), the worklogs changed since a
 * time, and plain arrays paged by {@code startAt} until an empty page (user search).
 */
abstract class JiraApiBase implements JiraApi {

    private static final Logger LOG = LoggerFactory.getLogger(JiraApiBase.class);

    /** Cloud and Data Center both serve up to 1000 users or items a page. */
    static final int PAGE = 1000;

    protected final JiraClient client;
    private final String api;

    JiraApiBase(JiraClient client, String api) {
        this.client = client;
        this.api = api;
    }

    @Override
    public JsonNode myself() {
        return client.get(api + "/myself");
    }

    @Override
    public Optional<JsonNode> issue(String id) {
        return client.find(api + "/issue/" + id + "?fields=project");
    }

    @Override
    public Optional<JsonNode> fullIssue(String issueId) {
        return client.find(api + "/issue/" + issueId + "?expand=changelog");
    }

    @Override
    public ChangedWorklogs updatedWorklogs(Instant since) {
        return changedWorklogs("/worklog/updated", since);
    }

    @Override
    public ChangedWorklogs deletedWorklogs(Instant since) {
        return changedWorklogs("/worklog/deleted", since);
    }

    /** Both flavours page a {@code ChangedWorklogs} list by asking again from the {@code until} of the last page. */
    private ChangedWorklogs changedWorklogs(String resource, Instant since) {
        Map<String, Instant> changedAt = new LinkedHashMap<>();
        long from = since.toEpochMilli();
        while (true) {
            JsonNode page = client.get(api + resource + "?since=" + from);
            page.path("values").forEach(change -> changedAt.put(change.path("worklogId").asText(),
                    Instant.ofEpochMilli(change.path("updatedTime").asLong())));
            long until = page.path("until").asLong(from);
            if (page.path("lastPage").asBoolean(true) || page.path("values").isEmpty() || until <= from) {
                return new ChangedWorklogs(changedAt);
            }
            from = until;
        }
    }

    @Override
    public Set<String> issueIdsOfWorklogs(List<String> worklogIds) {
        Set<String> issueIds = new LinkedHashSet<>();
        for (int start = 0; start < worklogIds.size(); start += PAGE) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            ArrayNode ids = body.putArray("ids");
            worklogIds.subList(start, Math.min(worklogIds.size(), start + PAGE)).forEach(id -> ids.add(Long.parseLong(id)));
            // A worklog without its issue names nothing to read again (an empty id would read /issue/ itself).
            requireArray(api + "/worklog/list", client.post(api + "/worklog/list", body)).forEach(worklog -> {
                String issueId = worklog.path("issueId").asText("");
                if (issueId.isEmpty()) {
                    LOG.warn("a changed worklog names no issue, skipped worklogId={}", worklog.path("id").asText());
                } else {
                    issueIds.add(issueId);
                }
            });
        }
        return issueIds;
    }

    @Override
    public List<JsonNode> versions(String projectKey) {
        String path = api + "/project/" + projectKey + "/versions";
        return elements(path, client.get(path));
    }

    @Override
    public List<JsonNode> vocabulary(JiraVocabulary vocabulary) {
        String path = api + vocabulary.resource();
        JsonNode listed = client.get(path);
        if (vocabulary == JiraVocabulary.ISSUE_LINK_TYPE) {
            // Both flavours wrap the link types in an object of one field.
            listed = listed.path("issueLinkTypes");
        }
        return elements(path, listed);
    }

    @Override
    public List<JsonNode> components(String projectKey) {
        String path = api + "/project/" + projectKey + "/components";
        return elements(path, client.get(path));
    }

    @Override
    public List<JsonNode> projectRoles(String projectKey) {
        String path = api + "/project/" + projectKey + "/role";
        JsonNode urls = client.get(path);
        if (!urls.isObject()) {
            throw new JiraException.UnexpectedResponse(200, path + ": expected an object of role name to role URL");
        }
        List<JsonNode> roles = new ArrayList<>();
        urls.fields().forEachRemaining(entry -> {
            String url = entry.getValue().asText();
            String id = url.substring(url.lastIndexOf('/') + 1);
            roles.add(client.get(path + "/" + id));
        });
        return roles;
    }

    @Override
    public Optional<List<JsonNode>> issueItems(String issueId, EmbeddedList list) {
        String path = api + "/issue/" + issueId + "/" + list.field();
        List<JsonNode> all = new ArrayList<>();
        if (!pages(list)) {
            return client.find(path).map(page -> {
                page.path(list.items()).forEach(all::add);
                return all;
            });
        }
        while (true) {
            int startAt = all.size();
            Optional<JsonNode> found = client.find(path + "?startAt=" + startAt + "&maxResults=" + PAGE);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            JsonNode page = found.get();
            // A resource that ignores paging answers from the start again: it gave all it has.
            if (startAt > 0 && page.path("startAt").asInt(startAt) != startAt) {
                return Optional.of(all);
            }
            JsonNode items = page.path(list.items());
            items.forEach(all::add);
            if (items.isEmpty() || all.size() >= page.path("total").asInt(0)) {
                return Optional.of(all);
            }
        }
    }

    /** Whether the resource of {@code list} under an issue takes {@code startAt}/{@code maxResults}; on both flavours by default. */
    protected boolean pages(EmbeddedList list) {
        return true;
    }

    /** The group with its members, read from {@code /group/member} selected by {@code selector} (e.g. {@code groupId=..}). */
    protected ObjectNode withMembers(ObjectNode group, String selector) {
        ArrayNode users = group.putArray("users");
        pageBeanValues(api + "/group/member?" + selector + "&includeInactiveUsers=true").forEach(users::add);
        return group;
    }

    /** Every value of a {@code PageBean} resource, paged by {@code startAt} until {@code isLast}. */
    protected List<JsonNode> pageBeanValues(String pathAndQuery) {
        return pageBean(pathAndQuery).values();
    }

    /** The values of a {@code PageBean} resource read to its end, and whether they are all it holds. */
    protected record PageBeanValues(List<JsonNode> values, boolean complete) {
    }

    /**
     * Every value of a {@code PageBean} resource, paged by {@code startAt} until {@code isLast}; incomplete when a
     * page came back empty before the last one or the values fall short of the {@code total} Jira gave.
     */
    protected PageBeanValues pageBean(String pathAndQuery) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            JsonNode page = client.get(pathAndQuery + separator + "startAt=" + all.size() + "&maxResults=" + PAGE);
            JsonNode values = page.path("values");
            values.forEach(all::add);
            boolean last = page.path("isLast").asBoolean(true);
            if (last || values.isEmpty()) {
                boolean complete = last && (!page.path("total").isNumber() || all.size() >= page.path("total").asInt());
                return new PageBeanValues(all, complete);
            }
        }
    }

    /** An issue of a listing, with the {@code updated} and the watch count Jira sent in its fields, if any. */
    protected static ListedIssue listed(JsonNode issue) {
        JsonNode count = issue.path("fields").path("watches").path("watchCount");
        JsonNode updated = issue.path("fields").path("updated");
        return new ListedIssue(issue.path("id").asText(), issue.path("key").asText(null),
                JiraTimestamps.parse(updated.isTextual() ? updated.asText() : null).orElse(null),
                count.isNumber() ? OptionalInt.of(count.asInt()) : OptionalInt.empty());
    }

    protected static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public Optional<JsonNode> issueWatchers(String issueId) {
        return client.find(api + "/issue/" + issueId + "/watchers");
    }

    /** Every element of a plain-array resource paged by {@code startAt}. */
    protected List<JsonNode> arrayPages(String pathAndQuery) {
        String separator = pathAndQuery.contains("?") ? "&" : "?";
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            JsonNode page = requireArray(pathAndQuery,
                    client.get(pathAndQuery + separator + "startAt=" + all.size() + "&maxResults=" + PAGE));
            page.forEach(all::add);
            // Jira may answer fewer than asked for (Cloud filters after paging), so only an empty page ends the list.
            if (page.isEmpty()) {
                return all;
            }
        }
    }

    protected static JsonNode requireArray(String path, JsonNode json) {
        if (!json.isArray()) {
            throw new JiraException.UnexpectedResponse(200, "GET " + path + " answered JSON that is not a list");
        }
        return json;
    }

    protected static List<JsonNode> elements(String path, JsonNode array) {
        List<JsonNode> all = new ArrayList<>();
        requireArray(path, array).forEach(all::add);
        return all;
    }
}
