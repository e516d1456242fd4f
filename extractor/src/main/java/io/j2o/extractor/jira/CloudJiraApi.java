package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.JiraFlavour;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/** Jira Cloud REST v3: paged project search and the enhanced {@code /search/jql} with {@code nextPageToken}. */
public final class CloudJiraApi extends JiraApiBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String API = "/rest/api/3";
    private static final int PROJECT_PAGE = 50;
    /** Cloud serves up to 5000 issues a page when only ids are asked for. */
    private static final int ID_PAGE = 5000;
    private static final List<String> ALL_FIELDS = List.of("*all");
    private static final List<String> ID_AND_WATCHES = List.of("id", "watches");
    /** What the listing of changed issues reads: enough to order them and to tell whether one was published. */
    private static final List<String> KEY_AND_UPDATED = List.of("key", "updated");
    /** Cloud serves up to 100 histories a page. */
    private static final int CHANGELOG_PAGE = 100;

    private final int concurrency;

    /** @param concurrency how many bulk fetches of issues are in flight at once */
    public CloudJiraApi(JiraClient client, int concurrency) {
        super(client, API);
        if (concurrency < 1) {
            throw new IllegalArgumentException("the concurrency must be positive, was " + concurrency);
        }
        this.concurrency = concurrency;
    }

    @Override
    public JiraFlavour flavour() {
        return JiraFlavour.CLOUD;
    }

    @Override
    public String apiVersion() {
        return "3";
    }

    @Override
    public List<JsonNode> projects() {
        List<JsonNode> all = new ArrayList<>();
        for (int startAt = 0; ; startAt += PROJECT_PAGE) {
            JsonNode page = client.get(API + "/project/search?startAt=" + startAt + "&maxResults=" + PROJECT_PAGE);
            page.path("values").forEach(all::add);
            if (page.path("isLast").asBoolean(true) || page.path("values").isEmpty()) {
                return all;
            }
        }
    }

    /**
     * Cloud deprecates the plain {@code /priority} and {@code /resolution} lists in favour of their paged
     * {@code /search} ({@code PageBean}s; the spec of {@code ../shared/specs/jira} marks {@code /priority/search}
     * deprecated as well, yet names no other list of all priorities); the other vocabularies are plain lists.
     */
    @Override
    public List<JsonNode> vocabulary(JiraVocabulary vocabulary) {
        return switch (vocabulary) {
            case PRIORITY, RESOLUTION -> pageBeanValues(API + vocabulary.resource() + "/search");
            default -> super.vocabulary(vocabulary);
        };
    }

    @Override
    public List<JsonNode> users() {
        return arrayPages(API + "/users/search");
    }

    /** {@code /group/bulk} pages the groups; each group's members are read by its id. */
    @Override
    public GroupListing groups() {
        PageBeanValues listed = pageBean(API + "/group/bulk");
        return new GroupListing(listed.values().stream().map(group -> {
            ObjectNode details = MAPPER.createObjectNode();
            details.put("groupId", group.path("groupId").asText());
            details.put("name", group.path("name").asText());
            return withMembers(details, "groupId=" + encode(group.path("groupId").asText()));
        }).toList(), listed.complete());
    }

    /** {@code /issue/{id}/changelog}, a {@code PageBeanChangelog} oldest first. */
    @Override
    public Optional<List<JsonNode>> changelog(String issueId) {
        String path = API + "/issue/" + issueId + "/changelog";
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            Optional<JsonNode> page = client.find(path + "?startAt=" + all.size() + "&maxResults=" + CHANGELOG_PAGE);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            JsonNode values = page.get().path("values");
            values.forEach(all::add);
            if (page.get().path("isLast").asBoolean(true) || values.isEmpty()) {
                return Optional.of(all);
            }
        }
    }

    /**
     * Ids first, then hydrate, as Atlassian recommends for throughput: {@code /search/jql} lists the key and
     * {@code updated} of the issues (up to 5000 a page where Jira allows it), and the wanted ones are read in full
     * through {@code /issue/bulkfetch} and completed, in the background while the listing goes on, holding at most
     * one full listing page of them. The truncated histories of several issues of one fetch are read together
     * ({@code /changelog/bulkfetch}), so {@code complete} finds them whole.
     */
    @Override
    public void issuesUpdatedSince(String projectKey, Instant since, ZoneId zone, Predicate<ListedIssue> wanted,
                                   Function<JsonNode, Optional<JsonNode>> complete, Consumer<JsonNode> each) {
        BatchChangelogCompleter histories = new BatchChangelogCompleter(client, API + "/changelog/bulkfetch", BatchChangelogCompleter.PAGE);
        try (BulkIssueHydrator hydrator = new BulkIssueHydrator(client, API + "/issue/bulkfetch", histories, complete,
                concurrency, ID_PAGE)) {
            String jql = Jql.issuesUpdatedSince(projectKey, since, zone);
            String token = null;
            do {
                JiraSearchPage page = searchPage(jql, KEY_AND_UPDATED, ID_PAGE, token);
                page.issues().stream().map(JiraApiBase::listed).filter(wanted).forEach(issue -> hydrator.offer(issue, each));
                hydrator.deliverReady(each);
                token = page.nextPageToken();
            } while (token != null);
            hydrator.finish(each);
        }
    }

    @Override
    public void issueIds(String projectKey, Consumer<ListedIssue> each) {
        // Cloud serves its 5000-issue pages only for ids alone; with the watch count it may page smaller, the token goes on.
        readAll(Jql.issuesByKey(projectKey, null), ID_AND_WATCHES, ID_PAGE, issue -> each.accept(listed(issue)));
    }

    /**
     * One page of an enhanced JQL search; pass the previous page's token to continue. Issues read with all their
     * fields come with their history ({@code expand=changelog}, a comma list even in the body).
     */
    public JiraSearchPage searchPage(String jql, List<String> fields, int maxResults, String nextPageToken) {
        ObjectNode body = MAPPER.createObjectNode().put("jql", jql).put("maxResults", maxResults);
        fields.forEach(body.putArray("fields")::add);
        if (fields.equals(ALL_FIELDS)) {
            body.put("expand", "changelog");
        }
        if (nextPageToken != null) {
            body.put("nextPageToken", nextPageToken);
        }
        JsonNode page = client.search(API + "/search/jql", body);
        List<JsonNode> issues = new ArrayList<>();
        page.path("issues").forEach(issues::add);
        String next = page.path("isLast").asBoolean(false) ? null : page.path("nextPageToken").asText(null);
        return new JiraSearchPage(issues, next);
    }

    private void readAll(String jql, List<String> fields, int maxResults, Consumer<JsonNode> each) {
        String token = null;
        do {
            JiraSearchPage page = searchPage(jql, fields, maxResults, token);
            page.issues().forEach(each);
            token = page.nextPageToken();
        } while (token != null);
    }
}
