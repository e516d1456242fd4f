package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Versions, and the comments and worklogs Jira embeds only partly, on both flavours. */
class JiraActivityAndVersionsTest {

    private static final JiraDataset DATASET = new DatasetGenerator(42).generate(3, 300);

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void versionsOfAProjectArePlainArraysByKeyOrId(JiraSimulator.Flavour flavour) {
        try (Site site = new Site(flavour)) {
            JsonNode byKey = site.http.get(flavour.apiPath() + "/project/BETA/versions").body();
            JsonNode byId = site.http.get(flavour.apiPath() + "/project/10001/versions").body();
            assertThat(byKey.isArray()).isTrue();
            assertThat(byKey).isEqualTo(byId).hasSizeBetween(2, 4);
            assertThat(byKey).allSatisfy(version -> {
                assertThat(version.get("projectId").asLong()).isEqualTo(10001L);
                assertThat(version.has("released")).isTrue();
                assertThat(version.has("archived")).isTrue();
                assertThat(version.get("self").asText()).contains(flavour.apiPath() + "/version/");
            });
            assertThat(site.http.get(flavour.apiPath() + "/project/NOPE/versions").status()).isEqualTo(404);
        }
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void issuesEmbedAtMostTwentyWorklogsAndCommentsAndTheResourcesPageTheRest(JiraSimulator.Flavour flavour) {
        String busy = DATASET.issues().stream().filter(i -> i.at("/fields/worklog/total").asInt() > 20)
                .findFirst().orElseThrow().get("key").asText();
        String talkative = DATASET.issues().stream().filter(i -> i.at("/fields/comment/total").asInt() > 20)
                .findFirst().orElseThrow().get("key").asText();
        try (Site site = new Site(flavour)) {
            JsonNode worklog = site.http.get(flavour.apiPath() + "/issue/" + busy).body().at("/fields/worklog");
            int worklogs = worklog.get("total").asInt();
            assertThat(worklog.get("worklogs")).hasSize(20);
            assertThat(worklog.get("maxResults").asInt()).isEqualTo(20);
            assertThat(worklogs).isGreaterThan(20);
            JsonNode comment = site.http.get(flavour.apiPath() + "/issue/" + talkative).body().at("/fields/comment");
            assertThat(comment.get("comments")).hasSize(20);
            int comments = comment.get("total").asInt();
            assertThat(comments).isGreaterThan(20);

            assertThat(readAll(site, flavour.apiPath() + "/issue/" + busy + "/worklog", "worklogs", 7)).hasSize(worklogs)
                    .startsWith(worklog.get("worklogs").get(0));
            assertThat(readAll(site, flavour.apiPath() + "/issue/" + talkative + "/comment", "comments", 7)).hasSize(comments)
                    .startsWith(comment.get("comments").get(0));
        }
    }

    @ParameterizedTest
    @EnumSource(JiraSimulator.Flavour.class)
    void searchEmbedsTheSameTruncatedPages(JiraSimulator.Flavour flavour) {
        try (Site site = new Site(flavour)) {
            JsonNode issues = flavour == JiraSimulator.Flavour.CLOUD
                    ? site.http.get("/rest/api/3/search/jql", Map.of("jql", "project = ALPHA", "fields", "*all", "maxResults", "100")).body()
                    : site.http.get("/rest/api/2/search", Map.of("jql", "project = ALPHA", "maxResults", "1000")).body();
            assertThat(issues.get("issues")).allSatisfy(issue -> {
                assertThat(issue.at("/fields/worklog/worklogs").size()).isLessThanOrEqualTo(20);
                assertThat(issue.at("/fields/comment/comments").size()).isLessThanOrEqualTo(20);
            });
        }
    }

    @Test
    void dataCenterFindsUsersByUsernameAndListsInactiveOnesOnlyWhenAsked() {
        try (Site site = new Site(JiraSimulator.Flavour.DATA_CENTER)) {
            JsonNode active = site.http.get("/rest/api/2/user/search", Map.of("username", ".", "maxResults", "1000")).body();
            JsonNode everyone = site.http.get("/rest/api/2/user/search",
                    Map.of("username", ".", "includeInactive", "true", "maxResults", "1000")).body();
            assertThat(everyone).hasSize(DATASET.users().size());
            assertThat(active).hasSize(DATASET.users().size() - 1);
            assertThat(everyone).allSatisfy(user -> {
                assertThat(user.get("key").asText()).startsWith("JIRAUSER");
                assertThat(user.has("name")).isTrue();
                assertThat(user.has("displayName")).isTrue();
                assertThat(user.has("active")).isTrue();
                assertThat(user.has("accountId")).isFalse();
            });
            JsonNode page = site.http.get("/rest/api/2/user/search",
                    Map.of("username", ".", "includeInactive", "true", "startAt", "10", "maxResults", "5")).body();
            assertThat(page).containsExactly(everyone.get(10), everyone.get(11));
            String name = everyone.get(3).get("name").asText();
            assertThat(site.http.get("/rest/api/2/user/search", Map.of("username", name)).body())
                    .extracting(user -> user.get("name").asText()).contains(name);
            assertThat(site.http.get("/rest/api/2/user/search").status()).isEqualTo(400);
        }
    }

    @Test
    void cloudUserSearchPagesByStartAtAndMaxResults() {
        try (Site site = new Site(JiraSimulator.Flavour.CLOUD)) {
            JsonNode first = site.http.get("/rest/api/3/users/search", Map.of("startAt", "0", "maxResults", "5")).body();
            JsonNode rest = site.http.get("/rest/api/3/users/search", Map.of("startAt", "5", "maxResults", "1000")).body();
            assertThat(first).hasSize(5);
            assertThat(first.size() + rest.size()).isEqualTo(DATASET.users().size());
            assertThat(first.get(0).get("accountId").asText()).isNotEqualTo(rest.get(0).get("accountId").asText());
        }
    }

    private static List<JsonNode> readAll(Site site, String path, String list, int pageSize) {
        List<JsonNode> all = new ArrayList<>();
        while (true) {
            JsonNode page = site.http.get(path, Map.of("startAt", String.valueOf(all.size()), "maxResults", String.valueOf(pageSize))).body();
            page.get(list).forEach(all::add);
            if (page.get(list).isEmpty() || all.size() >= page.get("total").asInt()) {
                return all;
            }
        }
    }

    /** A simulator of one flavour and a client for it. */
    private static final class Site implements AutoCloseable {
        private final JiraSimulator simulator;
        private final JiraHttp http;

        Site(JiraSimulator.Flavour flavour) {
            JiraSimulator.Options options = flavour == JiraSimulator.Flavour.CLOUD
                    ? JiraSimulator.Options.defaults() : JiraSimulator.Options.dataCenter();
            simulator = new JiraSimulator(DATASET, options).start();
            http = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken());
        }

        @Override
        public void close() {
            simulator.close();
        }
    }
}
