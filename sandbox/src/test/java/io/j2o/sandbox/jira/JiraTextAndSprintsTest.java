package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Generated text names other issues, mentions users and shows images inline, and issues sit in sprints: in ADF and
 * sprint objects on Cloud, in wiki markup and legacy sprint strings on Data Center.
 */
class JiraTextAndSprintsTest {

    private static final JiraDataset DATASET = new DatasetGenerator(42).generate(3, 200);
    private static final Set<String> KEYS = DATASET.issues().stream().map(issue -> issue.get("key").asText())
            .collect(Collectors.toSet());

    @Test
    void cloudDescriptionsAndCommentsCarryIssueKeysMentionsAndInlineImagesAsAdf() {
        Set<String> accountIds = DATASET.users().stream().map(user -> user.get("accountId").asText()).collect(Collectors.toSet());
        List<JsonNode> mentions = DATASET.issues().stream().flatMap(issue -> nodes(issue, "mention").stream()).toList();
        assertThat(mentions).hasSizeGreaterThan(20).allSatisfy(mention -> {
            assertThat(accountIds).contains(mention.at("/attrs/id").asText());
            assertThat(mention.at("/attrs/text").asText()).startsWith("@");
        });
        assertThat(DATASET.issues()).anySatisfy(issue -> assertThat(nodes(issue.get("fields").get("comment"), "mention")).isNotEmpty());
        assertThat(DATASET.issues()).filteredOn(issue -> !nodes(issue, "mention").isEmpty()).allSatisfy(issue -> {
            String text = issue.toString();
            assertThat(KEYS.stream().filter(key -> !key.equals(issue.get("key").asText()))
                    .anyMatch(key -> text.contains("Related to " + key + ","))).isTrue();
        });

        List<ObjectNode> withImages = DATASET.issues().stream().filter(issue -> issue.at("/fields/description").isObject()
                && StreamSupport.stream(issue.at("/fields/attachment").spliterator(), false)
                .anyMatch(a -> a.get("mimeType").asText().startsWith("image/"))).toList();
        assertThat(withImages).isNotEmpty().allSatisfy(issue -> {
            List<JsonNode> media = nodes(issue.at("/fields/description"), "media");
            Set<String> files = StreamSupport.stream(issue.at("/fields/attachment").spliterator(), false)
                    .map(a -> a.get("filename").asText()).collect(Collectors.toSet());
            assertThat(media).singleElement().satisfies(node -> assertThat(files).contains(node.at("/attrs/alt").asText()));
        });
    }

    @Test
    void cloudIssuesSitInSprintObjectsAndTheFieldListNamesTheSprintField() {
        List<JsonNode> values = DATASET.issues().stream().map(issue -> issue.at("/fields/" + DatasetCustomFields.SPRINT)).toList();
        assertThat(values.stream().filter(JsonNode::isNull).count()).isBetween(50L, 150L);
        assertThat(values).filteredOn(JsonNode::isArray).allSatisfy(sprints -> assertThat(sprints).allSatisfy(sprint -> {
            assertThat(sprint.get("id").isInt()).isTrue();
            assertThat(sprint.get("state").asText()).isIn("closed", "active", "future");
            assertThat(sprint.has("boardId")).isTrue();
        }));
        assertThat(values).anySatisfy(sprints -> assertThat(sprints.size()).isEqualTo(2));
        assertThat(DATASET.issues()).allSatisfy(issue -> issue.at("/fields/" + DatasetCustomFields.SPRINT).forEach(sprint ->
                assertThat(sprint.get("name").asText()).startsWith(issue.at("/fields/project/key").asText() + " Sprint ")));

        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.defaults()).start()) {
            JsonNode fields = new JiraHttp(simulator.baseUrl(), simulator.options().email(), simulator.options().apiToken())
                    .get("/rest/api/3/field", Map.of()).body();
            JsonNode sprint = StreamSupport.stream(fields.spliterator(), false)
                    .filter(field -> field.get("name").asText().equals("Sprint")).findFirst().orElseThrow();
            assertThat(sprint.get("id").asText()).isEqualTo(DatasetCustomFields.SPRINT);
            assertThat(sprint.at("/schema/custom").asText()).isEqualTo("com.pyxis.greenhopper.jira:gh-sprint");
            assertThat(sprint.at("/schema/type").asText()).isEqualTo("array");
        }
    }

    @Test
    void dataCenterWritesMentionsAndImagesInWikiMarkupAndSprintsAsLegacyStrings() {
        try (JiraSimulator simulator = new JiraSimulator(DATASET, JiraSimulator.Options.dataCenter()).start()) {
            Set<String> usernames = simulator.users().stream().map(user -> user.get("name").asText()).collect(Collectors.toSet());
            List<String> descriptions = simulator.issues().stream().map(issue -> issue.at("/fields/description"))
                    .filter(JsonNode::isTextual).map(JsonNode::asText).toList();
            List<String> mentioned = descriptions.stream().flatMap(text -> java.util.regex.Pattern.compile("\\[~([^\\]]+)]")
                    .matcher(text).results().map(match -> match.group(1))).toList();
            assertThat(mentioned).isNotEmpty().allSatisfy(name -> assertThat(usernames).contains(name));
            assertThat(descriptions).anySatisfy(text -> assertThat(text).containsPattern("![a-z]+-\\d+\\.png!"));
            assertThat(descriptions).noneSatisfy(text -> assertThat(text).contains("\"type\":\"mention\""));

            List<JsonNode> sprints = simulator.issues().stream().map(issue -> issue.at("/fields/" + DatasetCustomFields.SPRINT))
                    .filter(JsonNode::isArray).flatMap(array -> StreamSupport.stream(array.spliterator(), false)).toList();
            assertThat(sprints).isNotEmpty().allSatisfy(sprint -> assertThat(sprint.asText()).matches(
                    "com\\.atlassian\\.greenhopper\\.service\\.sprint\\.Sprint@[0-9a-f]+\\[id=\\d+,rapidViewId=\\d+,"
                            + "state=(CLOSED|ACTIVE|FUTURE),name=[A-Z]+ Sprint \\d,startDate=[^,]+,endDate=[^,]+,"
                            + "completeDate=[^,]+,sequence=\\d+,goal=[^]]*]"));
            assertThat(sprints).anySatisfy(sprint -> assertThat(sprint.asText()).contains("state=FUTURE", "startDate=<null>"));
        }
    }

    /** Every ADF node of {@code type} anywhere under {@code node}. */
    private static List<JsonNode> nodes(JsonNode node, String type) {
        List<JsonNode> found = new java.util.ArrayList<>();
        if (type.equals(node.path("type").asText())) {
            found.add(node);
        }
        node.forEach(child -> found.addAll(nodes(child, type)));
        return found;
    }
}
