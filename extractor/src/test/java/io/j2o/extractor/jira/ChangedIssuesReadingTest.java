package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.http.RecordedRequest;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.schemas.avro.JiraFlavour;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading a project's changed issues: Cloud lists them first and reads only the wanted ones in bulk; both flavours alike. */
class ChangedIssuesReadingTest {

    private static final JiraDataset DATASET = new DatasetGenerator(5).generate(1, 450);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String BULK_FETCH = "/rest/api/3/issue/bulkfetch";

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void handsOnEveryWantedIssueInFullInUpdatedOrderAsTheFullSearchServesIt(JiraFlavour flavour) {
        try (JiraSimulator jira = simulator(flavour)) {
            List<ListedIssue> listed = new ArrayList<>();
            List<JsonNode> read = new ArrayList<>();
            // Completed alike on both sides: Cloud reads the truncated histories of a fetch together, the full search does not.
            TruncatedListCompleter completer = new TruncatedListCompleter(api(jira, flavour, 1));

            api(jira, flavour, 3).issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"), issue -> listed.add(issue)
                    && !issue.key().endsWith("0"), completer::complete, read::add);

            assertThat(listed).hasSize(450).allSatisfy(issue -> assertThat(issue.updated()).isNotNull());
            assertThat(read).extracting(issue -> issue.get("key").asText())
                    .containsExactlyElementsOf(listed.stream().map(ListedIssue::key).filter(key -> !key.endsWith("0")).toList());
            List<JsonNode> searched = fullSearch(jira, flavour);
            assertThat(read).containsExactlyElementsOf(searched.stream()
                    .filter(issue -> !issue.get("key").asText().endsWith("0"))
                    .map(issue -> completer.complete(issue).orElseThrow()).toList());
        }
    }

    @Test
    void cloudReadsInFullOnlyTheWantedIssuesAHundredARequest() {
        try (JiraSimulator jira = simulator(JiraFlavour.CLOUD)) {
            AtomicInteger wanted = new AtomicInteger();
            List<JsonNode> read = new ArrayList<>();

            api(jira, JiraFlavour.CLOUD, 2).issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"),
                    issue -> wanted.incrementAndGet() <= 250, Optional::of, read::add);

            assertThat(read).hasSize(250);
            List<RecordedRequest> fetches = jira.requests().stream().filter(r -> r.path().equals(BULK_FETCH)).toList();
            assertThat(fetches).extracting(fetch -> body(fetch).get("issueIdsOrKeys").size()).containsExactly(100, 100, 50);
            assertThat(body(fetches.get(0)).get("expand")).containsExactly(MAPPER.getNodeFactory().textNode("changelog"));
            List<RecordedRequest> listings = jira.requests().stream().filter(r -> r.path().equals("/rest/api/3/search/jql")).toList();
            assertThat(listings).allSatisfy(listing -> assertThat(body(listing).get("fields").toString()).isEqualTo("[\"key\",\"updated\"]"));
        }
    }

    @Test
    void cloudSkipsAnIssueDeletedBetweenItsListingAndItsReading() {
        try (JiraSimulator jira = simulator(JiraFlavour.CLOUD)) {
            List<ListedIssue> listed = new ArrayList<>();
            List<JsonNode> read = new ArrayList<>();

            // The last one listed, so that its deletion shifts no issue of a page still to be listed.
            api(jira, JiraFlavour.CLOUD, 1).issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"), issue -> {
                if (listed.add(issue) && listed.size() == 450) {
                    jira.deleteIssue(issue.id());
                }
                return true;
            }, Optional::of, read::add);

            assertThat(read).extracting(issue -> issue.get("id").asText())
                    .containsExactlyElementsOf(listed.subList(0, 449).stream().map(ListedIssue::id).toList());
        }
    }

    private static List<JsonNode> fullSearch(JiraSimulator jira, JiraFlavour flavour) {
        List<JsonNode> all = new ArrayList<>();
        JiraClient client = client(jira);
        if (flavour == JiraFlavour.CLOUD) {
            CloudJiraApi cloud = new CloudJiraApi(client, 1);
            String token = null;
            do {
                JiraSearchPage page = cloud.searchPage(Jql.issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC")),
                        List.of("*all"), 100, token);
                all.addAll(page.issues());
                token = page.nextPageToken();
            } while (token != null);
        } else {
            new DataCenterJiraApi(client, 100, 10_000).issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC"),
                    issue -> true, Optional::of, all::add);
        }
        return all;
    }

    private static ObjectNode body(RecordedRequest request) {
        try {
            return (ObjectNode) MAPPER.readTree(request.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JiraSimulator simulator(JiraFlavour flavour) {
        return new JiraSimulator(DATASET, flavour == JiraFlavour.CLOUD ? JiraSimulator.Options.defaults()
                : JiraSimulator.Options.dataCenter()).start();
    }

    private static JiraApi api(JiraSimulator jira, JiraFlavour flavour, int concurrency) {
        return JiraApi.of(flavour, client(jira), 100, 10_000, concurrency);
    }

    private static JiraClient client(JiraSimulator jira) {
        return new JiraClient(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), JiraClient.defaultHttp(), 1);
    }
}
