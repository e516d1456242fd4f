package io.j2o.extractor.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.JiraFlavour;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the extractor reads from Jira, in the resources and paging of one flavour: Cloud REST v3 with token-paged
 * {@code /search/jql}, or Data Center REST v2 with {@code startAt}-paged {@code /search} inside keyset windows.
 */
public interface JiraApi {

    /**
     * The API of {@code flavour} over {@code client}; {@code searchWindow} bounds Data Center's deepest page,
     * {@code concurrency} the bulk fetches of issues Cloud has in flight.
     */
    static JiraApi of(JiraFlavour flavour, JiraClient client, int pageSize, int searchWindow, int concurrency) {
        return switch (flavour) {
            case CLOUD -> new CloudJiraApi(client, concurrency);
            case DATA_CENTER -> new DataCenterJiraApi(client, pageSize, searchWindow);
        };
    }

    JiraFlavour flavour();

    /** The REST version events are stamped with: "3" on Cloud, "2" on Data Center. */
    String apiVersion();

    /** The API user, with the time zone in which Jira reads the dates of a JQL query. */
    JsonNode myself();

    /** Every project visible to the API user. */
    List<JsonNode> projects();

    /** Every user of the site, active or not, as the flavour's user search returns them. */
    List<JsonNode> users();

    /**
     * Every group of the site: Jira's group JSON (Cloud {@code groupId} and {@code name}, Data Center {@code name})
     * with its complete member list, inactive members included, under {@code users} as {@code /group/member} lists
     * them; {@code complete} is false when Jira listed fewer groups than it said it holds.
     */
    GroupListing groups();

    /** Every version of the project, as {@code /project/{key}/versions} returns them. */
    List<JsonNode> versions(String projectKey);

    /**
     * Every role of the project with its actors, as {@code /project/{key}/role/{id}} returns it, for each role that
     * {@code /project/{key}/role} lists (reading them needs the project's administer permission).
     */
    List<JsonNode> projectRoles(String projectKey);

    /**
     * Every entry of {@code vocabulary} as Jira lists it (Cloud: priorities and resolutions from their paged
     * {@code /search}, link types unwrapped from {@code issueLinkTypes}).
     */
    List<JsonNode> vocabulary(JiraVocabulary vocabulary);

    /** Every component of the project, as {@code /project/{key}/components} returns them. */
    List<JsonNode> components(String projectKey);

    /** Every comment or worklog of the issue, read from its own paged resource; empty when the issue is gone. */
    Optional<List<JsonNode>> issueItems(String issueId, EmbeddedList list);

    /**
     * Every history of the issue, complete (Cloud pages {@code /issue/{id}/changelog}; Data Center reads the issue
     * alone with {@code expand=changelog}); empty when the issue is gone.
     */
    Optional<List<JsonNode>> changelog(String issueId);

    /** The issue with all its fields and its history ({@code expand=changelog}), or empty when it is gone. */
    Optional<JsonNode> fullIssue(String issueId);

    /** The worklogs changed strictly after {@code since}, as {@code /worklog/updated} lists them (every page). */
    ChangedWorklogs updatedWorklogs(Instant since);

    /** The worklogs deleted strictly after {@code since}, as {@code /worklog/deleted} lists them (every page). */
    ChangedWorklogs deletedWorklogs(Instant since);

    /** The ids of the issues that hold the worklogs {@code worklogIds} ({@code POST /worklog/list}); gone ones name none. */
    Set<String> issueIdsOfWorklogs(List<String> worklogIds);

    /**
     * The issue's watchers resource, {@code /issue/{id}/watchers} (one unpaged response: {@code watchCount} and the
     * {@code watchers} the API user may see); empty when the issue is gone.
     */
    Optional<JsonNode> issueWatchers(String issueId);

    /**
     * Lists every issue of the project updated at or after {@code since} (all of them when null), oldest first,
     * asks {@code wanted} about each one listed, reads those it wants with all fields and their history, lets
     * {@code complete} read the rest of each (e.g. its truncated lists; empty when the issue is gone, which is then
     * skipped) and hands the completed issues to {@code each}, in the listed order. An issue may be listed twice only
     * when it changed while being read; one deleted between its listing and its reading is skipped. Cloud lists key
     * and {@code updated} alone and reads the wanted issues in bulk (the long histories of a fetch together),
     * completing them on its fetching threads, several at once; Data Center reads full issues from its search and completes the wanted ones one by one.
     */
    void issuesUpdatedSince(String projectKey, Instant since, ZoneId zone, Predicate<ListedIssue> wanted,
                            Function<JsonNode, Optional<JsonNode>> complete, Consumer<JsonNode> each);

    /**
     * Hands every issue the project holds now to {@code each}, reading its id and {@code fields.watches} only (the
     * watch count rides along cheaply; it is what reveals a watcher change, which does not move {@code updated}).
     */
    void issueIds(String projectKey, Consumer<ListedIssue> each);

    /** The issue with its project, or empty when Jira says it does not exist (or may not be seen). */
    Optional<JsonNode> issue(String id);
}
