package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The users watching an issue become watchers of its work package, members of its project first. */
class WatcherRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WatcherRule rule = new WatcherRule();
    private final MappingRules rules = new MappingRules(Catalogs.withRoles(Catalogs.MEMBER), "customField1",
            MappingConfig.defaults());

    @Test
    void cloudWatcherWatchesTheWorkPackageOnceAMemberAndItsRemovalNamesThePair() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"watches":{"self":"https://x/rest/api/3/issue/CL-31/watchers","watchCount":1,
                 "isWatching":false,"watchers":[{"accountId":"a-1","displayName":"Ann","active":true}]}}
                """);

        IssueChildren watchers = rule.watchers("10031", "CL-31", fields).orElseThrow();

        assertThat(watchers.kind()).isEqualTo(CommandKind.WATCHER);
        assertThat(watchers.complete()).isTrue();
        IssueChildren.Child watcher = watchers.children().get(0);
        assertThat(watcher.upsert().jiraId()).isEqualTo("10031_a-1");
        assertThat(watcher.upsert().action()).isEqualTo(CommandAction.UPSERT);
        assertThat(watcher.upsert().jiraKey()).isEqualTo("CL-31");
        assertThat(watcher.upsert().body()).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"j2o:ref:work_package:10031"},"user":{"href":"j2o:ref:user:a-1"}},
                 "_j2o":{"awaits":["j2o:ref:membership:10000_a-1"]}}
                """));
        assertThat(watcher.removal().action()).isEqualTo(CommandAction.DELETE);
        assertThat(watcher.removal().jiraId()).isEqualTo("10031_a-1");
        assertThat(watcher.removal().body()).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"j2o:ref:work_package:10031"},"user":{"href":"j2o:ref:user:a-1"}}}
                """));
    }

    @Test
    void dataCenterWatchersAreKeyedByUserKeyAndAnAnonymisedOneIsSkipped() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10100"},"watches":{"watchCount":3,"isWatching":false,"watchers":[
                  {"key":"JIRAUSER10100","name":"ann","displayName":"Ann"},
                  {"displayName":"Former user"},
                  {"key":"JIRAUSER10101","name":"bob","displayName":"Bob"}]}}
                """);

        IssueChildren watchers = rule.watchers("10032", "DC-32", fields).orElseThrow();

        assertThat(watchers.upserts()).extracting(CommandDraft::jiraId).containsExactly("10032_JIRAUSER10100", "10032_JIRAUSER10101");
        assertThat(watchers.complete()).as("all three Jira counts are listed").isTrue();
    }

    @Test
    void aListShorterThanTheCountIsIncompleteAndAPayloadWithoutWatchersSaysNothing() throws Exception {
        JsonNode shortList = JSON.readTree("""
                {"project":{"id":"10000"},"watches":{"watchCount":2,"watchers":[{"accountId":"a-1"}]}}
                """);
        JsonNode countOnly = JSON.readTree("""
                {"project":{"id":"10000"},"watches":{"watchCount":2,"isWatching":false}}
                """);

        assertThat(rule.watchers("1", "CL-1", shortList).orElseThrow().complete()).isFalse();
        assertThat(rule.watchers("1", "CL-1", countOnly)).isEmpty();
        assertThat(rule.watchers("1", "CL-1", JSON.readTree("{\"project\":{\"id\":\"10000\"}}"))).isEmpty();
    }

    @Test
    void anIssueWithNoWatchersHasACompleteEmptyList() throws Exception {
        JsonNode fields = JSON.readTree("""
                {"project":{"id":"10000"},"watches":{"watchCount":0,"isWatching":false,"watchers":[]}}
                """);

        IssueChildren watchers = rule.watchers("1", "CL-1", fields).orElseThrow();

        assertThat(watchers.children()).isEmpty();
        assertThat(watchers.complete()).isTrue();
    }

    @Test
    void watchersBecomeMembersOfTheProjectAlongsideTheIssuesOtherPeople() throws Exception {
        JsonNode issue = JSON.readTree("""
                {"id":"10040","key":"CL-40","fields":{"summary":"s","project":{"id":"10000"},
                 "assignee":{"accountId":"a-1","displayName":"Ann"},
                 "watches":{"watchCount":2,"watchers":[{"accountId":"a-1"},{"accountId":"b-2"}]}}}
                """);

        List<CommandDraft> memberships = rules.memberships(event(issue), issue);
        List<IssueChildren> children = rules.children(event(issue), issue);

        assertThat(memberships).extracting(CommandDraft::jiraId).containsExactly("10000_a-1", "10000_b-2");
        assertThat(children).filteredOn(list -> list.kind() == CommandKind.WATCHER).singleElement()
                .satisfies(list -> assertThat(list.upserts()).extracting(CommandDraft::jiraId)
                        .containsExactly("10040_a-1", "10040_b-2"));
    }

    private static JiraEntityEvent event(JsonNode issue) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId(issue.path("id").asText())
                .setJiraKey(issue.path("key").asText()).setProjectKey("CL")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(issue.toString())
                .build();
    }
}
