package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.http.RecordedRequest;
import io.javalin.Javalin;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Jira server for tests and the demo, bound to 127.0.0.1 on a free port: Cloud REST v3 by default, or Data Center
 * 10.3 REST v2 ({@link Options#dataCenter()}); each answers 404 on the other's resources.
 *
 * <p>Cloud serves {@code serverInfo}, {@code myself}, project search and lookup, statuses, priorities, issue types,
 * user search, issue lookup, the bulk fetch of issues by id and the enhanced JQL search, with Jira's paging, field projection, error bodies and Basic
 * auth; the removed {@code /search} answers 410. Data Center serves {@code serverInfo}, {@code myself}, the project
 * list and lookup, statuses, priorities, issue types, issue lookup and {@code /search} with {@code startAt} paging,
 * its page cap and its result window (500 beyond it), in Data Center's shapes (users by {@code name}/{@code key},
 * wiki markup, times in the server's zone). {@link #faults()} injects rate limits, server errors, HTML pages, dropped connections and search lag. Tests change the data through the thread-safe mutation methods and steer time through {@link #clock(Clock)}.
 */
public final class JiraSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JiraSimulator.class);

    private final SimulatedSite site;
    private final WorklogChanges worklogChanges;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private Javalin server;

    public JiraSimulator(JiraDataset dataset, Options options) {
        this.site = new SimulatedSite(dataset, options, Clock.systemUTC());
        this.worklogChanges = new WorklogChanges(site);
    }

    /** Starts serving and returns this simulator, so construction and start read as one expression. */
    public synchronized JiraSimulator start() {
        if (server != null) {
            return this;
        }
        BasicAuthFilter auth = new BasicAuthFilter(site.options().email(), site.options().apiToken(),
                site.options().flavour() == Flavour.DATA_CENTER);
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.before(ctx -> {
                requests.add(new RecordedRequest(ctx.method().name(), ctx.path(), ctx.queryString(), ctx.contentType(), ctx.body(),
                        site.now(), 0, ""));
                // A proxy or Jira's front door fails a request before it is authenticated.
                if (!site.faults().intercept(ctx, site.now())) {
                    auth.check(ctx);
                }
            });
            config.routes.exception(JiraApiException.class,
                    (error, ctx) -> JsonResponses.send(ctx, error.status(), error.body()));
            new IdentityRoutes(site).register(config.routes);
            new ProjectRoutes(site).register(config.routes);
            new MetadataRoutes(site).register(config.routes);
            new VocabularyRoutes(site).register(config.routes);
            new IssueRoutes(site).register(config.routes);
            new IssueActivityRoutes(site).register(config.routes);
            new IssueWatchers(site).register(config.routes);
            new GroupRoutes(site).register(config.routes);
            new ProjectRoleRoutes(site).register(config.routes);
            new IssueChangelog(site).register(config.routes);
            worklogChanges.register(config.routes);
            new AttachmentContentRoutes(site).register(config.routes);
            if (site.options().flavour() == Flavour.DATA_CENTER) {
                new DataCenterSearchRoutes(site).register(config.routes);
            } else {
                new SearchRoutes(site).register(config.routes);
                new BulkFetchRoutes(site).register(config.routes);
                new ChangelogBulkFetchRoutes(site).register(config.routes);
            }
        }).start();
        LOG.info("Jira simulator listening baseUrl={} flavour={} issues={}", baseUrl(), site.options().flavour(),
                site.issues().snapshot().size());
        return this;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not started");
        }
        return "http://127.0.0.1:" + server.port();
    }

    public Options options() {
        return site.options();
    }

    /** The faults this simulator injects; change them at any time, also while it serves. */
    public JiraFaults faults() {
        return site.faults();
    }

    /** The clock behind {@code updated} of mutated issues, {@code serverTime} and relative JQL dates. */
    public Clock clock() {
        return site.clock();
    }

    public void clock(Clock clock) {
        site.clock(Objects.requireNonNull(clock, "clock"));
    }

    /** The users as the user search serves them, in this flavour's shape (copies). */
    public List<ObjectNode> users() {
        return site.dataset().users().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * The groups as served, in this flavour's shape (copies): the group JSON (Cloud {@code groupId} and {@code name};
     * Data Center {@code name}) with every member, inactive ones too, under {@code users} as {@code /group/member}
     * lists them.
     */
    /** Every project's roles with their actors, as this flavour serves them; each names its project in {@code self}. */
    public List<ObjectNode> projectRoles() {
        return site.dataset().projectRoles().stream().map(ObjectNode::deepCopy).toList();
    }

    public List<ObjectNode> groups() {
        return site.dataset().groups().stream().map(ObjectNode::deepCopy).toList();
    }

    /**
     * Edits a user in place, e.g. a new display name; the user search serves the edit from then on.
     *
     * @return the user as now stored (a copy)
     * @throws NoSuchElementException when no user has that {@code accountId} (Cloud) or {@code key} (Data Center)
     */
    public ObjectNode updateUser(String id, Consumer<ObjectNode> userEditor) {
        synchronized (site) {
            ObjectNode user = site.dataset().users().stream()
                    .filter(u -> u.path("accountId").asText(u.path("key").asText()).equals(id)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no user " + id));
            userEditor.accept(user);
            return user.deepCopy();
        }
    }

    /**
     * Edits a status in place, e.g. a new name; {@code /status} serves the edit from then on, while the issues
     * already stored keep the status object they carry.
     *
     * @return the status as now stored (a copy)
     * @throws NoSuchElementException when no status has that id
     */
    public ObjectNode updateStatus(String id, Consumer<ObjectNode> statusEditor) {
        synchronized (site) {
            ObjectNode status = site.dataset().statuses().stream().filter(s -> s.path("id").asText().equals(id)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no status " + id));
            statusEditor.accept(status);
            return status.deepCopy();
        }
    }

    /** Deletes a group by name; the group listings no longer name it. */
    public boolean deleteGroup(String name) {
        boolean[] found = {false};
        site.changeDataset(dataset -> {
            List<ObjectNode> kept = dataset.groups().stream().filter(g -> !g.path("name").asText().equals(name)).toList();
            found[0] = kept.size() < dataset.groups().size();
            return new JiraDataset(dataset.siteUrl(), dataset.users(), dataset.projects(), dataset.versions(),
                    dataset.statuses(), dataset.issueTypes(), dataset.priorities(), dataset.issues(), kept);
        });
        return found[0];
    }

    /** The current issues as served (copies). */
    public List<ObjectNode> issues() {
        return site.issues().snapshot().stream().map(ObjectNode::deepCopy).toList();
    }

    public Optional<ObjectNode> issue(String idOrKey) {
        return site.issues().find(idOrKey).map(ObjectNode::deepCopy);
    }

    /**
     * Edits an issue's {@code fields} and moves its {@code updated} to the clock's now.
     *
     * @return the issue as now stored
     * @throws NoSuchElementException when no issue has that id or key
     */
    public ObjectNode updateIssue(String idOrKey, Consumer<ObjectNode> fieldsEditor) {
        return site.issues().update(idOrKey, fieldsEditor);
    }

    /** Creates a Task in To Do with the next id and key of the project, created and updated now. */
    public ObjectNode createIssue(String projectKey, String summary) {
        ObjectNode project = site.project(projectKey)
                .orElseThrow(() -> new NoSuchElementException("no project " + projectKey));
        // The store's own monitor: minting the id and key and inserting the issue must be one step.
        synchronized (site.issues()) {
            String id = site.issues().mintId();
            String key = project.get("key").asText() + "-" + site.issues().nextNumber(project.get("key").asText());
            String now = site.timestamp(site.now());
            ObjectNode issue = JsonResponses.MAPPER.createObjectNode();
            issue.put("expand", "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations");
            issue.put("id", id);
            issue.put("self", site.dataset().siteUrl() + site.apiPath() + "/issue/" + id);
            issue.put("key", key);
            ObjectNode fields = issue.putObject("fields");
            fields.put("summary", summary);
            fields.set("issuetype", byName(site.dataset().issueTypes(), "Task"));
            ObjectNode projectReference = fields.putObject("project");
            for (String field : List.of("self", "id", "key", "name", "projectTypeKey", "simplified")) {
                if (project.has(field)) {
                    projectReference.set(field, project.get(field));
                }
            }
            fields.set("status", byName(site.dataset().statuses(), "To Do"));
            fields.set("priority", byName(site.dataset().priorities(), "Medium"));
            fields.putNull("resolution");
            fields.putNull("resolutiondate");
            fields.set("reporter", project.get("lead").deepCopy());
            fields.set("creator", project.get("lead").deepCopy());
            fields.putNull("assignee");
            fields.putArray("labels");
            fields.putNull("description");
            fields.putNull("environment");
            fields.putNull("duedate");
            fields.put("created", now);
            fields.put("updated", now);
            fields.putArray("fixVersions");
            fields.putArray("issuelinks");
            fields.putNull("timeoriginalestimate");
            fields.putNull("timeestimate");
            fields.putObject("timetracking");
            fields.set("comment", emptyPage("comments", 0));
            fields.set("worklog", emptyPage("worklogs", IssueActivity.EMBEDDED));
            ObjectNode watches = fields.putObject("watches");
            watches.put("self", site.dataset().siteUrl() + site.apiPath() + "/issue/" + key + "/watchers");
            watches.put("watchCount", 0).put("isWatching", false).putArray("watchers");
            return site.issues().put(issue);
        }
    }

    /**
     * Edits one worklog of an issue and moves the worklog's {@code updated} to the clock's now, leaving the issue's
     * {@code updated} where it was: a change only {@code /worklog/updated} reveals.
     *
     * @return the issue as now stored
     * @throws NoSuchElementException when the issue or the worklog does not exist
     */
    public ObjectNode updateWorklog(String issueIdOrKey, String worklogId, Consumer<ObjectNode> worklogEditor) {
        return site.issues().edit(issueIdOrKey, issue -> {
            ObjectNode worklog = worklogs(issue).stream().filter(w -> w.path("id").asText().equals(worklogId)).findFirst()
                    .orElseThrow(() -> new NoSuchElementException("no worklog " + worklogId + " on " + issueIdOrKey));
            worklogEditor.accept(worklog);
            worklog.put("updated", site.timestamp(site.now()));
        });
    }

    /**
     * Deletes one worklog of an issue, leaving the issue's {@code updated} where it was; {@code /worklog/deleted}
     * lists it from then on.
     *
     * @throws NoSuchElementException when the issue or the worklog does not exist
     */
    public ObjectNode deleteWorklog(String issueIdOrKey, String worklogId) {
        ObjectNode issue = site.issues().edit(issueIdOrKey, stored -> {
            ObjectNode page = (ObjectNode) stored.path("fields").path("worklog");
            var remaining = page.arrayNode();
            worklogs(stored).stream().filter(w -> !w.path("id").asText().equals(worklogId)).forEach(remaining::add);
            if (remaining.size() == page.path("worklogs").size()) {
                throw new NoSuchElementException("no worklog " + worklogId + " on " + issueIdOrKey);
            }
            page.set("worklogs", remaining);
            page.put("total", remaining.size());
        });
        worklogChanges.deleted(worklogId, site.now());
        return issue;
    }

    /**
     * Adds a user to an issue's watchers, leaving the issue's {@code updated} where it was, as Jira does: search by
     * {@code updated} does not see it, only {@code watches.watchCount} and {@code /issue/{id}/watchers} do.
     *
     * @param userId the user's {@code accountId} on Cloud, {@code key} or {@code name} on Data Center
     * @return the issue as now stored
     * @throws NoSuchElementException when the issue or the user does not exist
     */
    public ObjectNode watch(String issueIdOrKey, String userId) {
        ObjectNode user = site.dataset().users().stream().filter(candidate -> identifies(candidate, userId)).findFirst()
                .map(ObjectNode::deepCopy)
                .orElseThrow(() -> new NoSuchElementException("no user " + userId));
        user.remove("emailAddress");
        return editWatchers(issueIdOrKey, watchers -> {
            if (watchers.stream().noneMatch(watcher -> identifies(watcher, userId))) {
                watchers.add(user);
            }
        });
    }

    /**
     * Removes a user from an issue's watchers, leaving the issue's {@code updated} where it was (see {@link #watch}).
     *
     * @return the issue as now stored
     * @throws NoSuchElementException when the issue does not exist
     */
    public ObjectNode unwatch(String issueIdOrKey, String userId) {
        return editWatchers(issueIdOrKey, watchers -> watchers.removeIf(watcher -> identifies(watcher, userId)));
    }

    private ObjectNode editWatchers(String issueIdOrKey, Consumer<List<JsonNode>> editor) {
        return site.issues().edit(issueIdOrKey, issue -> {
            ObjectNode fields = (ObjectNode) issue.get("fields");
            ObjectNode watches = fields.path("watches") instanceof ObjectNode present ? present : fields.putObject("watches");
            List<JsonNode> watchers = new ArrayList<>();
            watches.path("watchers").forEach(watchers::add);
            editor.accept(watchers);
            watches.putArray("watchers").addAll(watchers);
            watches.put("watchCount", watchers.size());
        });
    }

    private static boolean identifies(JsonNode user, String userId) {
        return userId.equals(user.path("accountId").asText(null)) || userId.equals(user.path("key").asText(null))
                || userId.equals(user.path("name").asText(null));
    }

    private static List<ObjectNode> worklogs(ObjectNode issue) {
        List<ObjectNode> all = new ArrayList<>();
        issue.path("fields").path("worklog").path("worklogs").forEach(worklog -> all.add((ObjectNode) worklog));
        return all;
    }

    /** Deletes an issue; search forgets it at once and {@code GET /issue} answers 404. */
    public boolean deleteIssue(String idOrKey) {
        return site.issues().delete(idOrKey);
    }

    /** Inserts or replaces an issue from a raw payload, e.g. a real captured one; it needs {@code id} and {@code key}. */
    public ObjectNode putIssue(ObjectNode rawIssue) {
        return site.issues().put(rawIssue);
    }

    public int requestCount() {
        return requests.size();
    }

    public List<RecordedRequest> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** An embedded list without items, as Jira writes it: worklogs say how many it would embed, comments say 0. */
    private static ObjectNode emptyPage(String list, int maxResults) {
        ObjectNode page = JsonResponses.MAPPER.createObjectNode().put("startAt", 0).put("maxResults", maxResults).put("total", 0);
        page.putArray(list);
        return page;
    }

    private static ObjectNode byName(List<ObjectNode> nodes, String name) {
        return nodes.stream().filter(node -> node.path("name").asText().equals(name)).findFirst()
                .map(ObjectNode::deepCopy)
                .orElseThrow(() -> new IllegalStateException("the dataset has no '" + name + "'"));
    }

    /** Which Jira the simulator is: its REST version, resources and payload shapes. */
    public enum Flavour {
        CLOUD("/rest/api/3"), DATA_CENTER("/rest/api/2");

        private final String apiPath;

        Flavour(String apiPath) {
            this.apiPath = apiPath;
        }

        /** The REST root of this flavour, e.g. {@code /rest/api/2}. */
        public String apiPath() {
            return apiPath;
        }
    }

    /**
     * How the simulated site behaves.
     *
     * @param email          the API user's email (the username on Data Center), half of the Basic credentials
     * @param apiToken       the other half
     * @param timeZone       the API user's profile zone, in which JQL date literals are read; on Data Center also
     *                       the server's zone, in which it writes times
     * @param maxResultsCap  the largest search page when fields are requested (Cloud: about 100; Data Center: 1000)
     * @param projectPageCap the largest project page (Jira: 100)
     * @param serverTitle    what {@code serverInfo} calls the site
     * @param flavour        Cloud or Data Center
     * @param searchWindow   Data Center's {@code jira.search.platform.max.result.window}: a search asking for
     *                       results beyond it ({@code startAt + maxResults}) fails with 500 (default 10,000)
     */
    public record Options(String email, String apiToken, ZoneId timeZone, int maxResultsCap, int projectPageCap,
            String serverTitle, Flavour flavour, int searchWindow) {

        public Options {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(apiToken, "apiToken");
            Objects.requireNonNull(timeZone, "timeZone");
            Objects.requireNonNull(flavour, "flavour");
            if (maxResultsCap < 1 || projectPageCap < 1 || searchWindow < 1) {
                throw new IllegalArgumentException("page caps and the search window must be positive, were "
                        + maxResultsCap + "/" + projectPageCap + "/" + searchWindow);
            }
        }

        /** A Cloud site. */
        public static Options defaults() {
            return new Options("j2o@example.com", "sandbox-api-token", ZoneId.of("UTC"), 100, 100, "j2o sandbox",
                    Flavour.CLOUD, 10_000);
        }

        /** A Data Center 10.3 server in Berlin: pages of up to 1000 issues, a 10,000-result search window. */
        public static Options dataCenter() {
            return new Options("j2o", "sandbox-password", ZoneId.of("Europe/Berlin"), 1000, 100, "j2o sandbox DC",
                    Flavour.DATA_CENTER, 10_000);
        }

        public Options withCredentials(String email, String apiToken) {
            return new Options(email, apiToken, timeZone, maxResultsCap, projectPageCap, serverTitle, flavour, searchWindow);
        }

        public Options withTimeZone(ZoneId timeZone) {
            return new Options(email, apiToken, timeZone, maxResultsCap, projectPageCap, serverTitle, flavour, searchWindow);
        }

        public Options withMaxResultsCap(int maxResultsCap) {
            return new Options(email, apiToken, timeZone, maxResultsCap, projectPageCap, serverTitle, flavour, searchWindow);
        }

        public Options withProjectPageCap(int projectPageCap) {
            return new Options(email, apiToken, timeZone, maxResultsCap, projectPageCap, serverTitle, flavour, searchWindow);
        }

        public Options withSearchWindow(int searchWindow) {
            return new Options(email, apiToken, timeZone, maxResultsCap, projectPageCap, serverTitle, flavour, searchWindow);
        }

        /** Never prints the token. */
        @Override
        public String toString() {
            return "Options[email=" + email + ", apiToken=***, timeZone=" + timeZone + ", maxResultsCap="
                    + maxResultsCap + ", projectPageCap=" + projectPageCap + ", serverTitle=" + serverTitle
                    + ", flavour=" + flavour + ", searchWindow=" + searchWindow + "]";
        }
    }
}
