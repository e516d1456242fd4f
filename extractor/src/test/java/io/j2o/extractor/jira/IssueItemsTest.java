package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.extractor.ExtractorConfig;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.schemas.avro.JiraFlavour;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reading an issue's whole comment and worklog lists, and the users, on both flavours. */
class IssueItemsTest {

    private static final JiraDataset DATASET = new DatasetGenerator(42).generate(3, 300);

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void readsEveryCommentAndWorklogOfAnIssueAndNothingOfAnIssueThatIsGone(JiraFlavour flavour) {
        JsonNode busy = DATASET.issues().stream().filter(i -> i.at("/fields/worklog/total").asInt() > 20).findFirst().orElseThrow();
        JsonNode talkative = DATASET.issues().stream().filter(i -> i.at("/fields/comment/total").asInt() > 20).findFirst().orElseThrow();
        try (JiraSimulator jira = simulator(flavour)) {
            JiraApi api = api(jira, flavour);
            List<JsonNode> worklogs = api.issueItems(busy.get("id").asText(), EmbeddedList.WORKLOGS).orElseThrow();
            List<JsonNode> comments = api.issueItems(talkative.get("id").asText(), EmbeddedList.COMMENTS).orElseThrow();

            assertThat(worklogs).extracting(w -> w.get("id").asText()).doesNotHaveDuplicates()
                    .hasSize(busy.at("/fields/worklog/total").asInt());
            assertThat(comments).extracting(c -> c.get("id").asText()).doesNotHaveDuplicates()
                    .hasSize(talkative.at("/fields/comment/total").asInt());
            jira.deleteIssue(busy.get("key").asText());
            assertThat(api.issueItems(busy.get("id").asText(), EmbeddedList.WORKLOGS)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(JiraFlavour.class)
    void readsEveryUserActiveOrNot(JiraFlavour flavour) {
        try (JiraSimulator jira = simulator(flavour)) {
            List<JsonNode> users = api(jira, flavour).users();
            assertThat(users).hasSize(DATASET.users().size());
            assertThat(users).anySatisfy(user -> assertThat(user.get("active").asBoolean()).isFalse());
        }
    }

    private static JiraSimulator simulator(JiraFlavour flavour) {
        return new JiraSimulator(DATASET, flavour == JiraFlavour.CLOUD ? JiraSimulator.Options.defaults()
                : JiraSimulator.Options.dataCenter()).start();
    }

    private static JiraApi api(JiraSimulator jira, JiraFlavour flavour) {
        JiraClient client = new JiraClient(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), JiraClient.defaultHttp(), 1);
        return JiraApi.of(flavour, client, 50, 10_000, ExtractorConfig.DEFAULT_CONCURRENCY);
    }
}
