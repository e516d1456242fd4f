package io.j2o.transformer.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.CommandAction;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.DeadLetter;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.schemas.avro.Lineage;
import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.avro.OpenProjectCommand;
import io.j2o.schemas.serde.PipelineSerdes;
import io.j2o.schemas.topics.ReplayEpochs;
import io.j2o.schemas.topics.Topics;
import io.j2o.transformer.TransformerCounters;
import io.j2o.transformer.rules.CatalogEntry;
import io.j2o.transformer.rules.MappingConfig;
import io.j2o.transformer.rules.MappingRules;
import io.j2o.transformer.rules.OpenProjectCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

class TransformerTopologyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Topics TOPICS = Topics.defaults();
    private static final OpenProjectCatalog CATALOG = new OpenProjectCatalog(
            List.of(new CatalogEntry("Task", "/api/v3/types/1", true), new CatalogEntry("Bug", "/api/v3/types/7", false),
                    new CatalogEntry("User story", "/api/v3/types/6", false)),
            List.of(new CatalogEntry("New", "/api/v3/statuses/1", true), new CatalogEntry("In progress", "/api/v3/statuses/7", false),
                    new CatalogEntry("Closed", "/api/v3/statuses/12", false)),
            List.of(new CatalogEntry("Low", "/api/v3/priorities/7", false), new CatalogEntry("Normal", "/api/v3/priorities/8", true),
                    new CatalogEntry("High", "/api/v3/priorities/9", false), new CatalogEntry("Immediate", "/api/v3/priorities/10", false)),
            Map.of(),
            List.of(new CatalogEntry("Member", "/api/v3/roles/4", false)));

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TransformerCounters counters;
    private TestInputTopic<String, JiraEntityEvent> users;
    private TestInputTopic<String, JiraEntityEvent> groups;
    private TestInputTopic<String, JiraEntityEvent> projects;
    private TestInputTopic<String, JiraEntityEvent> issues;
    private TestInputTopic<String, byte[]> rawIssues;
    private TestInputTopic<String, Mapping> mappings;
    private TestOutputTopic<String, OpenProjectCommand> commands;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private PipelineSerdes serdes;

    @BeforeEach
    void startDriver() throws Exception {
        serdes = PipelineSerdes.using(new MemorySchemaRegistry());
        counters = new TransformerCounters();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "transformer-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir.resolve("state")).toString());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        driver = new TopologyTestDriver(
                TransformerTopology.build(TOPICS, serdes, new MappingRules(CATALOG, "customField1", MappingConfig.defaults()), counters,
                        ReplayEpochs.none()), props);
        StringSerializer keys = new StringSerializer();
        users = driver.createInputTopic(TOPICS.jiraUsers(), keys, serdes.events().serializer());
        groups = driver.createInputTopic(TOPICS.jiraGroups(), keys, serdes.events().serializer());
        projects = driver.createInputTopic(TOPICS.jiraProjects(), keys, serdes.events().serializer());
        issues = driver.createInputTopic(TOPICS.jiraIssues(), keys, serdes.events().serializer());
        rawIssues = driver.createInputTopic(TOPICS.jiraIssues(), keys, new ByteArraySerializer());
        mappings = driver.createInputTopic(TOPICS.mappings(), keys, serdes.mappings().serializer());
        commands = driver.createOutputTopic(TOPICS.commands(), new StringDeserializer(), serdes.commands().deserializer());
        deadLetters = driver.createOutputTopic(TOPICS.deadLetters(), new StringDeserializer(), serdes.deadLetters().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void projectBecomesProjectCommandWithIdentifierFromKey() throws Exception {
        projects.pipeInput("project:10000", projectEvent("10000", "ALPHA", "Alpha team"));

        OpenProjectCommand command = commands.readValue();
        assertThat(command.getKind()).isEqualTo(CommandKind.PROJECT);
        assertThat(command.getAction()).isEqualTo(CommandAction.UPSERT);
        JsonNode body = JSON.readTree(command.getBody());
        assertThat(body.path("identifier").asText()).isEqualTo("alpha");
        assertThat(body.path("name").asText()).isEqualTo("Alpha team");
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void workPackageWaitsForItsProjectMappingThenCarriesEveryHrefResolved() throws Exception {
        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "Fix the *login* page", "Bug", "In Progress", "High"));

        assertThat(commands.isEmpty()).as("no command may leave before its project is in OpenProject").isTrue();
        assertThat(counters.waiting()).isEqualTo(1);

        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));

        var record = commands.readRecord();
        assertThat(record.key()).isEqualTo("work_package:20001");
        JsonNode body = JSON.readTree(record.value().getBody());
        assertThat(body.path("subject").asText()).isEqualTo("Fix the *login* page");
        assertThat(body.path("customField1").asText()).isEqualTo("ALPHA-1");
        assertThat(body.path("_links").path("project").path("href").asText()).isEqualTo("/api/v3/projects/5");
        assertThat(body.path("_links").path("type").path("href").asText()).isEqualTo("/api/v3/types/7");
        assertThat(body.path("_links").path("status").path("href").asText()).isEqualTo("/api/v3/statuses/7");
        assertThat(body.path("_links").path("priority").path("href").asText()).isEqualTo("/api/v3/priorities/9");
        assertThat(body.path("description").path("raw").asText()).isEqualTo("Steps to reproduce");
        assertThat(body.toString()).doesNotContain("j2o:ref:");
    }

    @Test
    void workPackageWhoseProjectIsAlreadyMappedPassesStraightThrough() {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "Summary", "Story", "To Do", "Medium"));

        OpenProjectCommand command = commands.readValue();
        assertThat(command.getBody()).contains("/api/v3/projects/5", "/api/v3/types/6", "/api/v3/statuses/1", "/api/v3/priorities/8");
        assertThat(counters.waiting()).isZero();
    }

    @Test
    void unchangedEntityIsDroppedAndChangedOneEmitsAgain() {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        JiraEntityEvent first = issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium");
        issues.pipeInput("issue:20001", first);
        // Same content, extracted again later: only volatile fields and the extraction time differ.
        JiraEntityEvent again = JiraEntityEvent.newBuilder(first).setExtractedAt(Instant.parse("2026-01-01T00:00:00Z"))
                .setPayload(first.getPayload().replace("\"self\":\"https://jira/1\"", "\"self\":\"https://jira/other\"")).build();
        issues.pipeInput("issue:20001", again);
        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "Summary edited", "Task", "To Do", "Medium"));

        List<OpenProjectCommand> emitted = commands.readValuesToList();
        assertThat(emitted).hasSize(2);
        assertThat(emitted.get(1).getBody()).contains("Summary edited");
        assertThat(counters.unchanged()).isEqualTo(1);
        assertThat(emitted.get(0).getCommandId()).isNotEqualTo(emitted.get(1).getCommandId());
    }

    @Test
    void malformedPayloadIsDeadLetteredWithItsKeyAndTheStreamCarriesOn() {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        JiraEntityEvent broken = JiraEntityEvent.newBuilder(issueEvent("20002", "ALPHA-2", "x", "Task", "To Do", "Medium"))
                .setPayload("{\"id\":\"20002\",\"key\":\"ALPHA-2\",\"fields\":{").build();
        issues.pipeInput("issue:20002", broken);
        issues.pipeInput("issue:20003", issueEvent("20003", "ALPHA-3", "Still flowing", "Task", "To Do", "Medium"));

        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetter.getKey()).isEqualTo("issue:20002");
        assertThat(deadLetter.getCategory()).isEqualTo("MALFORMED_PAYLOAD");
        assertThat(deadLetter.getMessage()).startsWith("ALPHA-2: payload is not valid JSON");
        assertThat(deadLetter.getPayload()).isEqualTo(broken.getPayload());
        assertThat(commands.readValue().getBody()).contains("Still flowing");
    }

    @Test
    void recordThatIsNotAvroIsSkippedWithoutStoppingTheStream() {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        rawIssues.pipeInput("issue:666", "definitely not avro".getBytes());
        issues.pipeInput("issue:20004", issueEvent("20004", "ALPHA-4", "After the poison pill", "Task", "To Do", "Medium"));

        assertThat(commands.readValue().getBody()).contains("After the poison pill");
    }

    /**
     * Statuses, types, priorities and the other vocabularies are mapped by name through the configuration, never
     * written: their events are read, counted as seen and unchanged (so the pipeline can tell it is idle), and yield
     * neither a command nor a dead letter, deletions included.
     */
    @Test
    void vocabularyEventsYieldNoCommandAndNoDeadLetter() {
        TestInputTopic<String, JiraEntityEvent> vocabulary = driver.createInputTopic(TOPICS.jiraVocabulary(),
                new StringSerializer(), serdes.events().serializer());
        vocabulary.pipeInput("status:10001", event(JiraEntityType.STATUS, "10001", "In Review", null,
                "{\"id\":\"10001\",\"name\":\"In Review\",\"statusCategory\":{\"id\":4,\"key\":\"indeterminate\"}}"));
        vocabulary.pipeInput("issue_type:10000", event(JiraEntityType.ISSUE_TYPE, "10000", "Epic", null,
                "{\"id\":\"10000\",\"name\":\"Epic\",\"hierarchyLevel\":1}"));
        vocabulary.pipeInput("field:customfield_10010", event(JiraEntityType.FIELD, "customfield_10010", "Story Points", null,
                "{\"id\":\"customfield_10010\",\"name\":\"Story Points\",\"custom\":true,\"schema\":{\"type\":\"number\"}}"));
        vocabulary.pipeInput("component:10500", event(JiraEntityType.COMPONENT, "10500", "PaymentService", "ALPHA",
                "{\"id\":\"10500\",\"name\":\"PaymentService\",\"project\":\"ALPHA\"}"));
        vocabulary.pipeInput("status:10002", JiraEntityEvent.newBuilder(event(JiraEntityType.STATUS, "10002", null, null, null))
                .setChange(ChangeType.DELETE).build());

        assertThat(commands.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(counters.received()).isEqualTo(5);
        assertThat(counters.unchanged()).isEqualTo(5);
    }

    @Test
    void issueWithoutSummaryIsDeadLetteredAsUnmappable() {
        JiraEntityEvent event = issueEvent("20005", "ALPHA-5", "x", "Task", "To Do", "Medium");
        issues.pipeInput("issue:20005", JiraEntityEvent.newBuilder(event)
                .setPayload(event.getPayload().replace("\"summary\":\"x\",", "")).build());

        DeadLetter deadLetter = deadLetters.readValue();
        assertThat(deadLetter.getCategory()).isEqualTo("MAPPING_FAILED");
        assertThat(deadLetter.getMessage()).contains("ALPHA-5", "summary");
    }

    @Test
    void deletionOfAnIssueEmitsDeleteCommandForItsWorkPackage() {
        JiraEntityEvent deleted = JiraEntityEvent.newBuilder(issueEvent("20006", "ALPHA-6", "x", "Task", "To Do", "Medium"))
                .setChange(ChangeType.DELETE).setPayload(null).build();
        issues.pipeInput("issue:20006", deleted);

        var record = commands.readRecord();
        assertThat(record.key()).isEqualTo("work_package:20006");
        assertThat(record.value().getAction()).isEqualTo(CommandAction.DELETE);
        assertThat(record.value().getBody()).isNull();
    }

    @Test
    void commentsWaitForTheirWorkPackageMappingAndAreReleasedWithItsHref() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary", 2, comment("30001", "Looks *good*"),
                comment("30002", "Second thought")));

        var workPackage = commands.readRecord();
        assertThat(workPackage.key()).isEqualTo("work_package:20001");
        assertThat(commands.isEmpty()).as("comments need their work package in OpenProject first").isTrue();
        assertThat(counters.waiting()).isEqualTo(2);

        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 77, "/api/v3/work_packages/77"));

        Map<String, OpenProjectCommand> released = new java.util.TreeMap<>(commands.readKeyValuesToMap());
        assertThat(released).containsOnlyKeys("comment:30001", "comment:30002");
        OpenProjectCommand first = released.get("comment:30001");
        assertThat(first.getKind()).isEqualTo(CommandKind.COMMENT);
        assertThat(first.getAction()).isEqualTo(CommandAction.UPSERT);
        assertThat(first.getJiraKey()).isEqualTo("ALPHA-1");
        JsonNode body = JSON.readTree(first.getBody());
        assertThat(body.path("_links").path("workPackage").path("href").asText()).isEqualTo("/api/v3/work_packages/77");
        assertThat(body.path("comment").path("raw").asText()).isEqualTo("""
                *Originally by Ann O'Neil on 2025-03-04T10:11:12Z in Jira*

                Looks **good**

                <!-- j2o:comment:30001 -->""");
    }

    @Test
    void unchangedCommentsOfAChangedIssueAreDroppedAndAnEditedOneIsEmittedAgain() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 77, "/api/v3/work_packages/77"));
        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary", 2, comment("30001", "First"),
                comment("30002", "Second")));
        assertThat(commands.readKeyValuesToList()).hasSize(3);

        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary edited", 2, comment("30001", "First"),
                comment("30002", "Second, edited")));

        List<OpenProjectCommand> emitted = commands.readValuesToList();
        assertThat(emitted).extracting(c -> CommandRouter.targetKey(c))
                .containsExactly("work_package:20001", "comment:30002");
        assertThat(JSON.readTree(emitted.get(1).getBody()).path("comment").path("raw").asText()).contains("Second, edited");

        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary edited", 2, comment("30001", "First"),
                comment("30002", "Second, edited")));
        assertThat(commands.isEmpty()).as("nothing changed at all").isTrue();
        assertThat(counters.unchanged()).isEqualTo(1);
    }

    @Test
    void commentMissingFromACompleteListBecomesADeleteThroughTheSameReferencePath() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 77, "/api/v3/work_packages/77"));
        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary", 2, comment("30001", "First"),
                comment("30002", "Second")));
        commands.readValuesToList();

        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary", 1, comment("30001", "First")));

        var record = commands.readRecord();
        assertThat(record.key()).isEqualTo("comment:30002");
        assertThat(record.value().getAction()).isEqualTo(CommandAction.DELETE);
        JsonNode body = JSON.readTree(record.value().getBody());
        assertThat(body.path("_links").path("workPackage").path("href").asText()).isEqualTo("/api/v3/work_packages/77");
        assertThat(body.path("comment").path("raw").asText()).isEqualTo("<!-- j2o:comment:30002 -->");
        assertThat(commands.isEmpty()).isTrue();

        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary", 1, comment("30001", "First")));
        assertThat(commands.isEmpty()).as("a removal is announced once").isTrue();
    }

    @Test
    void truncatedCommentListRemovesNothing() {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 77, "/api/v3/work_packages/77"));
        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary", 2, comment("30001", "First"),
                comment("30002", "Second")));
        commands.readValuesToList();

        // Jira says there are three comments but returned only one: the others may well still exist.
        issues.pipeInput("issue:20001", issueWithComments("20001", "Summary", 3, comment("30003", "Third")));

        assertThat(commands.readKeyValuesToList()).extracting(kv -> kv.key + " " + kv.value.getAction())
                .containsExactly("comment:30003 UPSERT");
    }

    @Test
    void childArrivingBeforeItsParentWaitsForTheParentsWorkPackageThenCarriesItsHref() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20002", childEvent("20002", "ALPHA-2", "20001"));

        assertThat(commands.isEmpty()).as("a child may not reach OpenProject before its parent").isTrue();

        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "Epic", "Task", "To Do", "Medium"));
        var parent = commands.readRecord();
        assertThat(parent.key()).isEqualTo("work_package:20001");
        assertThat(JSON.readTree(parent.value().getBody()).at("/_links/parent/href").isNull()).isTrue();
        assertThat(commands.isEmpty()).isTrue();

        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 41, "/api/v3/work_packages/41"));
        var child = commands.readRecord();
        assertThat(child.key()).isEqualTo("work_package:20002");
        assertThat(JSON.readTree(child.value().getBody()).at("/_links/parent/href").asText()).isEqualTo("/api/v3/work_packages/41");
    }

    @Test
    void childArrivingAfterItsParentIsLoadedPassesStraightThrough() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "Epic", "Task", "To Do", "Medium"));
        commands.readRecord();
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 41, "/api/v3/work_packages/41"));

        issues.pipeInput("issue:20002", childEvent("20002", "ALPHA-2", "20001"));

        JsonNode body = JSON.readTree(commands.readValue().getBody());
        assertThat(body.at("/_links/parent/href").asText()).isEqualTo("/api/v3/work_packages/41");
        assertThat(counters.waiting()).isZero();
    }

    static List<List<String>> arrivalOrders() {
        return List.of(List.of("epic", "story", "subtask"), List.of("epic", "subtask", "story"),
                List.of("story", "epic", "subtask"), List.of("story", "subtask", "epic"),
                List.of("subtask", "epic", "story"), List.of("subtask", "story", "epic"));
    }

    @ParameterizedTest
    @MethodSource("arrivalOrders")
    void subTaskOfAStoryOfAnEpicGetsEveryParentWhateverOrderTheyArriveIn(List<String> order) throws Exception {
        Map<String, JiraEntityEvent> chain = Map.of(
                "epic", issueEvent("20001", "ALPHA-1", "Epic", "Task", "To Do", "Medium"),
                "story", childEvent("20002", "ALPHA-2", "20001"),
                "subtask", childEvent("20003", "ALPHA-3", "20002"));
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));

        Map<String, JsonNode> loaded = new java.util.HashMap<>();
        for (String issue : order) {
            issues.pipeInput("issue:" + chain.get(issue).getJiraId(), chain.get(issue));
            loadEverythingEmitted(loaded);
        }

        assertThat(loaded).containsOnlyKeys("work_package:20001", "work_package:20002", "work_package:20003");
        assertThat(loaded.get("work_package:20001").at("/_links/parent/href").isNull()).isTrue();
        assertThat(loaded.get("work_package:20002").at("/_links/parent/href").asText()).isEqualTo("/api/v3/work_packages/20001");
        assertThat(loaded.get("work_package:20003").at("/_links/parent/href").asText()).isEqualTo("/api/v3/work_packages/20002");
        assertThat(pendingKeys()).isEmpty();
    }

    @Test
    void childWhoseParentNeverArrivesStaysPendingUnderTheParentsKey() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20002", childEvent("20002", "ALPHA-2", "29999"));
        issues.pipeInput("issue:20003", issueEvent("20003", "ALPHA-3", "Unrelated", "Task", "To Do", "Medium"));
        mappings.pipeInput("work_package:20003", mapping("WORK_PACKAGE", "20003", 43, "/api/v3/work_packages/43"));

        assertThat(commands.readKeyValuesToMap()).containsOnlyKeys("work_package:20003");
        assertThat(pendingKeys()).containsExactly("work_package:29999|work_package:20002");
        assertThat(counters.waiting()).isEqualTo(1);
    }

    @Test
    void waitingCountsWhatThePendingStoreHoldsWhenANewerEventReplacesAWaitingCommandOrAnOlderOneIsRefused() throws Exception {
        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "First summary", "Task", "To Do", "Medium"));
        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "Second summary", "Task", "To Do", "Medium"));

        assertThat(pendingKeys()).containsExactly("project:10000|work_package:20001");
        assertThat(counters.waiting()).as("the second command waits in place of the first").isEqualTo(1);

        KeyValueStore<String, OpenProjectCommand> pending = driver.getKeyValueStore(StoreNames.PENDING);
        OpenProjectCommand newest = pending.get("project:10000|work_package:20001");
        OpenProjectCommand older = OpenProjectCommand.newBuilder(newest)
                .setBody(newest.getBody().replace("Second summary", "Stale summary"))
                .setLineage(Lineage.newBuilder(newest.getLineage()).setOffset(0L).build())
                .build();
        driver.createInputTopic(TOPICS.transformerReferences(), new StringSerializer(), serdes.commands().serializer())
                .pipeInput("project:10000", older);
        assertThat(counters.waiting()).as("a command of an older event is refused, not parked").isEqualTo(1);

        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));

        assertThat(commands.readValuesToList()).singleElement()
                .satisfies(command -> assertThat(command.getBody()).contains("Second summary"));
        assertThat(pendingKeys()).isEmpty();
        assertThat(counters.waiting()).as("nothing waits any more").isZero();
    }

    @Test
    void issueWhoseParentIsRemovedClearsTheParentLink() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 41, "/api/v3/work_packages/41"));
        issues.pipeInput("issue:20002", childEvent("20002", "ALPHA-2", "20001"));
        assertThat(JSON.readTree(commands.readValue().getBody()).at("/_links/parent/href").asText())
                .isEqualTo("/api/v3/work_packages/41");

        issues.pipeInput("issue:20002", issueEvent("20002", "ALPHA-2", "Child", "Task", "To Do", "Medium"));

        JsonNode parent = JSON.readTree(commands.readValue().getBody()).at("/_links/parent");
        assertThat(parent.has("href")).isTrue();
        assertThat(parent.get("href").isNull()).isTrue();
    }

    @Test
    void jiraUserBecomesAUserCommandThatNeedsNothingElse() throws Exception {
        users.pipeInput("user:a-1", event(JiraEntityType.USER, "a-1", null, null, """
                {"accountId":"a-1","accountType":"atlassian","displayName":"Ann Lee","emailAddress":"ann@example.com",
                 "active":true,"self":"https://jira/rest/api/3/user?accountId=a-1"}"""));

        var record = commands.readRecord();
        assertThat(record.key()).isEqualTo("user:a-1");
        assertThat(JSON.readTree(record.value().getBody())).isEqualTo(JSON.readTree("""
                {"login":"ann@example.com","email":"ann@example.com","firstName":"Ann","lastName":"Lee","status":"invited"}"""));
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void jiraGroupWaitsForEveryMembersUserThenCarriesTheirHrefs() throws Exception {
        mappings.pipeInput("user:a-1", mapping("USER", "a-1", 9, "/api/v3/users/9"));
        groups.pipeInput("group:g-1", event(JiraEntityType.GROUP, "g-1", "jira-developers", null, """
                {"groupId":"g-1","name":"jira-developers","users":[{"accountId":"b-2","accountType":"atlassian"},
                 {"accountId":"a-1","accountType":"atlassian"}]}"""));

        assertThat(commands.isEmpty()).as("the group waits for its member b-2").isTrue();
        assertThat(pendingKeys()).containsExactly("user:b-2|group:g-1");

        mappings.pipeInput("user:b-2", mapping("USER", "b-2", 10, "/api/v3/users/10"));

        var record = commands.readRecord();
        assertThat(record.key()).isEqualTo("group:g-1");
        assertThat(record.value().getKind()).isEqualTo(CommandKind.GROUP);
        assertThat(JSON.readTree(record.value().getBody())).isEqualTo(JSON.readTree("""
                {"name":"jira-developers","_links":{"members":[{"href":"/api/v3/users/9"},{"href":"/api/v3/users/10"}]}}"""));
        assertThat(pendingKeys()).isEmpty();
    }

    @Test
    void projectRoleOnTheProjectsTopicMakesAMembershipPerActorThatWaitsForItsProjectAndPrincipal() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("user:a-1", mapping("USER", "a-1", 9, "/api/v3/users/9"));
        projects.pipeInput("project_role:10000_10001", event(JiraEntityType.PROJECT_ROLE, "10000_10001", "Developers",
                "ALPHA", """
                {"name":"Developers","id":10001,"actors":[
                 {"id":1,"type":"atlassian-user-role-actor","actorUser":{"accountId":"a-1"}},
                 {"id":2,"type":"atlassian-group-role-actor","name":"devs","actorGroup":{"name":"devs","groupId":"g-1"}}]}"""));

        var user = commands.readRecord();
        assertThat(user.key()).isEqualTo("membership:10000_a-1_role_10001");
        assertThat(JSON.readTree(user.value().getBody()).at("/_links/principal/href").asText()).isEqualTo("/api/v3/users/9");
        assertThat(commands.isEmpty()).as("the group's membership waits for the group").isTrue();
        assertThat(pendingKeys()).containsExactly("group:g-1|membership:10000_group_g-1_role_10001");

        mappings.pipeInput("group:g-1", mapping("GROUP", "g-1", 11, "/api/v3/groups/11"));

        var group = commands.readRecord();
        assertThat(group.key()).isEqualTo("membership:10000_group_g-1_role_10001");
        assertThat(JSON.readTree(group.value().getBody())).isEqualTo(JSON.readTree("""
                {"_links":{"project":{"href":"/api/v3/projects/5"},"principal":{"href":"/api/v3/groups/11"},
                 "roles":[{"href":"/api/v3/roles/4"}]},"_meta":{"sendNotification":false}}"""));
    }

    @Test
    void workPackageWaitsForItsAssigneeAndTheirMembershipWhenTheUserArrivesAfterTheIssue() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                "\"assignee\":{\"accountId\":\"a-1\",\"displayName\":\"Ann\"},"));

        assertThat(commands.isEmpty()).as("neither the membership nor the work package can go before the user").isTrue();
        assertThat(pendingKeys()).containsExactlyInAnyOrder("user:a-1|membership:10000_a-1", "user:a-1|work_package:20001");

        mappings.pipeInput("user:a-1", mapping("USER", "a-1", 9, "/api/v3/users/9"));

        var membership = commands.readRecord();
        assertThat(membership.key()).isEqualTo("membership:10000_a-1");
        assertThat(JSON.readTree(membership.value().getBody())).isEqualTo(JSON.readTree("""
                {"_links":{"project":{"href":"/api/v3/projects/5"},"principal":{"href":"/api/v3/users/9"},
                           "roles":[{"href":"/api/v3/roles/4"}]},"_meta":{"sendNotification":false}}"""));
        assertThat(commands.isEmpty()).as("the work package still waits for the membership").isTrue();
        assertThat(pendingKeys()).containsExactly("membership:10000_a-1|work_package:20001");

        mappings.pipeInput("membership:10000_a-1", mapping("MEMBERSHIP", "10000_a-1", 31, "/api/v3/memberships/31"));

        var workPackage = commands.readRecord();
        assertThat(workPackage.key()).isEqualTo("work_package:20001");
        JsonNode body = JSON.readTree(workPackage.value().getBody());
        assertThat(body.at("/_links/assignee/href").asText()).isEqualTo("/api/v3/users/9");
        assertThat(body.at("/_j2o/awaits")).isEqualTo(JSON.readTree("[\"/api/v3/memberships/31\"]"));
        assertThat(body.toString()).doesNotContain("j2o:ref:");
        assertThat(pendingKeys()).isEmpty();
    }

    @Test
    void issuesSharingAnAssigneeEmitTheirMembershipOnce() {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("user:a-1", mapping("USER", "a-1", 9, "/api/v3/users/9"));
        String assignee = "\"assignee\":{\"accountId\":\"a-1\"},";
        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "One", "Task", "To Do", "Medium"), assignee));
        issues.pipeInput("issue:20002", withFields(issueEvent("20002", "ALPHA-2", "Two", "Task", "To Do", "Medium"), assignee));

        assertThat(commands.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("membership:10000_a-1");
    }

    @Test
    void worklogMissingFromACompleteListBecomesATimeEntryDelete() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 77, "/api/v3/work_packages/77"));
        mappings.pipeInput("user:a-1", mapping("USER", "a-1", 9, "/api/v3/users/9"));
        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                worklogs(worklog("40001", 3600), worklog("40002", 1800))));
        assertThat(commands.readKeyValuesToList()).extracting(kv -> kv.key)
                .as("time is logged only for a member of the project")
                .containsExactlyInAnyOrder("membership:10000_a-1", "work_package:20001");
        mappings.pipeInput("membership:10000_a-1", mapping("MEMBERSHIP", "10000_a-1", 31, "/api/v3/memberships/31"));
        assertThat(commands.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactlyInAnyOrder("time_entry:40001", "time_entry:40002");

        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                worklogs(worklog("40001", 3600))));

        var record = commands.readRecord();
        assertThat(record.key()).isEqualTo("time_entry:40002");
        assertThat(record.value().getAction()).isEqualTo(CommandAction.DELETE);
        assertThat(JSON.readTree(record.value().getBody())).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"/api/v3/work_packages/77"}},"comment":{"raw":"[j2o:worklog:40002]"}}"""));
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void watcherWaitsForTheirMembershipAndLeavingACompleteListBecomesAWatcherDelete() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 77, "/api/v3/work_packages/77"));
        mappings.pipeInput("user:a-1", mapping("USER", "a-1", 9, "/api/v3/users/9"));
        mappings.pipeInput("user:b-2", mapping("USER", "b-2", 10, "/api/v3/users/10"));
        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                watchers("a-1", "b-2")));
        assertThat(commands.readKeyValuesToList()).extracting(kv -> kv.key)
                .as("only a member of the project may watch")
                .containsExactlyInAnyOrder("membership:10000_a-1", "membership:10000_b-2", "work_package:20001");
        assertThat(pendingKeys()).containsExactlyInAnyOrder("membership:10000_a-1|watcher:20001_a-1",
                "membership:10000_b-2|watcher:20001_b-2");

        mappings.pipeInput("membership:10000_a-1", mapping("MEMBERSHIP", "10000_a-1", 31, "/api/v3/memberships/31"));
        var watcher = commands.readRecord();
        assertThat(watcher.key()).isEqualTo("watcher:20001_a-1");
        assertThat(watcher.value().getKind()).isEqualTo(io.j2o.schemas.avro.CommandKind.WATCHER);
        assertThat(JSON.readTree(watcher.value().getBody())).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"/api/v3/work_packages/77"},"user":{"href":"/api/v3/users/9"}},
                 "_j2o":{"awaits":["/api/v3/memberships/31"]}}"""));
        mappings.pipeInput("membership:10000_b-2", mapping("MEMBERSHIP", "10000_b-2", 32, "/api/v3/memberships/32"));
        assertThat(commands.readRecord().key()).isEqualTo("watcher:20001_b-2");

        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                watchers("a-1")));

        var removal = commands.readRecord();
        assertThat(removal.key()).isEqualTo("watcher:20001_b-2");
        assertThat(removal.value().getAction()).isEqualTo(CommandAction.DELETE);
        assertThat(JSON.readTree(removal.value().getBody())).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"/api/v3/work_packages/77"},"user":{"href":"/api/v3/users/10"}}}"""));
        assertThat(commands.isEmpty()).isTrue();

        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                "\"watches\":{\"watchCount\":3,\"watchers\":[]},"));
        assertThat(commands.isEmpty()).as("a list shorter than Jira's count removes nothing").isTrue();
    }

    @Test
    void linkListedOnBothIssuesBecomesOneRelationAndItsRemovalOneDelete() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        String outward = "\"issuelinks\":[{\"id\":\"50001\",\"type\":{\"name\":\"Blocks\"},\"outwardIssue\":{\"id\":\"20002\"}}],";
        String inward = "\"issuelinks\":[{\"id\":\"50001\",\"type\":{\"name\":\"Blocks\"},\"inwardIssue\":{\"id\":\"20001\"}}],";
        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Blocker", "Task", "To Do", "Medium"), outward));
        issues.pipeInput("issue:20002", withFields(issueEvent("20002", "ALPHA-2", "Blocked", "Task", "To Do", "Medium"), inward));
        Map<String, JsonNode> loaded = new java.util.HashMap<>();
        loadEverythingEmitted(loaded);

        assertThat(loaded).containsOnlyKeys("work_package:20001", "work_package:20002", "relation:50001");
        assertThat(loaded.get("relation:50001")).isEqualTo(JSON.readTree("""
                {"type":"blocks","description":null,
                 "_links":{"from":{"href":"/api/v3/work_packages/20001"},"to":{"href":"/api/v3/work_packages/20002"}}}"""));

        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Blocker", "Task", "To Do", "Medium"),
                "\"issuelinks\":[],"));
        issues.pipeInput("issue:20002", withFields(issueEvent("20002", "ALPHA-2", "Blocked", "Task", "To Do", "Medium"),
                "\"issuelinks\":[],"));

        var removal = commands.readRecord();
        assertThat(removal.key()).isEqualTo("relation:50001");
        assertThat(removal.value().getAction()).isEqualTo(CommandAction.DELETE);
        assertThat(JSON.readTree(removal.value().getBody())).isEqualTo(loaded.get("relation:50001"));
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void attachmentWaitsForItsWorkPackageAndItsRemovalFromTheListBecomesADeleteByNameAndSize() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                attachments(attachment("30001", "a.png", 10), attachment("30002", "b.txt", 20))));
        assertThat(commands.readKeyValuesToList()).extracting(kv -> kv.key)
                .as("attachments wait for the work package they hang off")
                .containsExactly("work_package:20001");
        mappings.pipeInput("work_package:20001", mapping("WORK_PACKAGE", "20001", 77, "/api/v3/work_packages/77"));
        var released = commands.readKeyValuesToList();
        assertThat(released).extracting(kv -> kv.key).containsExactlyInAnyOrder("attachment:30001", "attachment:30002");
        assertThat(JSON.readTree(released.get(0).value.getBody()).at("/_links/workPackage/href").asText())
                .isEqualTo("/api/v3/work_packages/77");
        assertThat(released.get(0).value.getKind()).isEqualTo(io.j2o.schemas.avro.CommandKind.ATTACHMENT);

        issues.pipeInput("issue:20001", withFields(issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium"),
                attachments(attachment("30001", "a.png", 10))));

        var removal = commands.readRecord();
        assertThat(removal.key()).isEqualTo("attachment:30002");
        assertThat(removal.value().getAction()).isEqualTo(CommandAction.DELETE);
        assertThat(JSON.readTree(removal.value().getBody())).isEqualTo(JSON.readTree("""
                {"_links":{"workPackage":{"href":"/api/v3/work_packages/77"}},"fileName":"b.txt","size":20,
                 "description":{"raw":"[j2o:attachment:30002]"}}"""));
        assertThat(commands.isEmpty()).as("the unchanged attachment is not emitted again").isTrue();
    }

    private static String attachments(String... attachments) {
        return "\"attachment\":[" + String.join(",", attachments) + "],";
    }

    private static String attachment(String id, String name, int size) {
        return """
                {"id":"%s","filename":"%s","author":{"accountId":"a-1","displayName":"Ann"},
                 "created":"2025-03-04T10:00:00.000+0000","size":%d,"mimeType":"text/plain",
                 "content":"https://jira/rest/api/3/attachment/content/%s"}""".formatted(id, name, size, id);
    }

    @Test
    void dataCenterEpicLinkChildArrivingBeforeItsEpicWaitsForTheEpicsKeyAlias() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20002", epicChildEvent("20002", "ALPHA-2", "ALPHA-1"));
        assertThat(commands.isEmpty()).as("the child waits for its epic").isTrue();

        issues.pipeInput("issue:20001", issueEvent("20001", "ALPHA-1", "Epic", "Task", "To Do", "Medium"));
        assertThat(commands.readRecord().key()).isEqualTo("work_package:20001");
        mappings.pipeInput("work_package:20001", keyedMapping("WORK_PACKAGE", "20001", "ALPHA-1", 41));
        feedBackAliases();

        var child = commands.readRecord();
        assertThat(child.key()).isEqualTo("work_package:20002");
        assertThat(JSON.readTree(child.value().getBody()).at("/_links/parent/href").asText()).isEqualTo("/api/v3/work_packages/41");
        assertThat(pendingKeys()).isEmpty();
    }

    @Test
    void dataCenterEpicLinkChildArrivingAfterItsEpicIsLoadedPassesStraightThrough() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", keyedMapping("WORK_PACKAGE", "20001", "ALPHA-1", 41));
        feedBackAliases();

        issues.pipeInput("issue:20002", epicChildEvent("20002", "ALPHA-2", "ALPHA-1"));

        assertThat(JSON.readTree(commands.readValue().getBody()).at("/_links/parent/href").asText())
                .isEqualTo("/api/v3/work_packages/41");
        assertThat(counters.waiting()).isZero();
    }

    @Test
    void epicLinkToAKeyThatNeverArrivesStaysPendingUnderTheKeyAlias() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20002", epicChildEvent("20002", "ALPHA-2", "ALPHA-99"));
        mappings.pipeInput("work_package:20001", keyedMapping("WORK_PACKAGE", "20001", "ALPHA-1", 41));
        feedBackAliases();

        assertThat(commands.isEmpty()).isTrue();
        assertThat(pendingKeys()).containsExactly("issue_key:ALPHA-99|work_package:20002");
    }

    @Test
    void issueKeyInTextIsSentAtOnceAsAJiraLinkAndSentAgainAsAWorkPackageLinkWhenThatIssueIsLoaded() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", describedIssue("20001", "ALPHA-1", "Blocked by ALPHA-2 for now"));

        OpenProjectCommand first = commands.readValue();
        assertThat(descriptionOf(first))
                .isEqualTo("Blocked by [ALPHA-2](https://jira.example/browse/ALPHA-2) for now");
        assertThat(pendingKeys()).as("nothing is held back").isEmpty();
        assertThat(keysOf(StoreNames.TEXT_PENDING)).containsExactly("issue_key:ALPHA-2|work_package:20001");

        mappings.pipeInput("work_package:20002", keyedMapping("WORK_PACKAGE", "20002", "ALPHA-2", 42));
        feedBackAliases();

        OpenProjectCommand again = commands.readValue();
        assertThat(descriptionOf(again)).isEqualTo("Blocked by #42 for now");
        assertThat(again.getChecksum()).isNotEqualTo(first.getChecksum());
        assertThat(again.getCommandId()).isNotEqualTo(first.getCommandId());
        assertThat(again.getLineage()).as("the loader still knows which Jira event it came from").isEqualTo(first.getLineage());
        assertThat(keysOf(StoreNames.TEXT_PENDING)).isEmpty();
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void twoIssuesNamingEachOtherAreBothSentAndBothEndWithTheOthersWorkPackageLink() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", describedIssue("20001", "ALPHA-1", "See ALPHA-2"));
        issues.pipeInput("issue:20002", describedIssue("20002", "ALPHA-2", "See ALPHA-1"));
        assertThat(commands.readKeyValuesToMap()).as("a cycle holds nothing back")
                .containsOnlyKeys("work_package:20001", "work_package:20002");

        mappings.pipeInput("work_package:20001", keyedMapping("WORK_PACKAGE", "20001", "ALPHA-1", 41));
        mappings.pipeInput("work_package:20002", keyedMapping("WORK_PACKAGE", "20002", "ALPHA-2", 42));
        feedBackAliases();

        Map<String, String> texts = new java.util.HashMap<>();
        for (var record : commands.readRecordsToList()) {
            texts.put(record.key(), descriptionOf(record.value()));
        }
        assertThat(texts).containsEntry("work_package:20001", "See #42").containsEntry("work_package:20002", "See #41");
    }

    @Test
    void textReferenceFoundAlreadyMappedIsResolvedInTheFirstCommand() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20002", keyedMapping("WORK_PACKAGE", "20002", "ALPHA-2", 42));
        feedBackAliases();

        issues.pipeInput("issue:20001", describedIssue("20001", "ALPHA-1", "See ALPHA-2"));

        assertThat(descriptionOf(commands.readValue())).isEqualTo("See #42");
        assertThat(commands.isEmpty()).isTrue();
        assertThat(pendingKeys()).isEmpty();
    }

    @Test
    void newerCommandReplacesTheOlderOneWaitingForTheSameTextReference() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", describedIssue("20001", "ALPHA-1", "See ALPHA-2"));
        issues.pipeInput("issue:20001", describedIssue("20001", "ALPHA-1", "Now see ALPHA-2"));
        List<OpenProjectCommand> sent = commands.readValuesToList();
        assertThat(sent).hasSize(2);

        mappings.pipeInput("work_package:20002", keyedMapping("WORK_PACKAGE", "20002", "ALPHA-2", 42));
        feedBackAliases();

        OpenProjectCommand again = commands.readValue();
        assertThat(descriptionOf(again)).isEqualTo("Now see #42");
        assertThat(again.getLineage()).isEqualTo(sent.get(1).getLineage());
        assertThat(commands.isEmpty()).as("the older text is not sent again").isTrue();
    }

    @Test
    void olderTextReleasedLateNeitherDisplacesTheNewerWaitingOneNorOutranksItAtTheLoader() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        issues.pipeInput("issue:20001", describedIssue("20001", "ALPHA-1", "See ALPHA-2 and ALPHA-3"));
        issues.pipeInput("issue:20001", describedIssue("20001", "ALPHA-1", "Now only ALPHA-3"));
        List<OpenProjectCommand> sent = commands.readValuesToList();
        long newer = sent.get(1).getLineage().getOffset();

        mappings.pipeInput("work_package:20002", keyedMapping("WORK_PACKAGE", "20002", "ALPHA-2", 42));
        feedBackAliases();
        OpenProjectCommand older = commands.readValue();
        assertThat(older.getLineage().getOffset()).as("the loader skips it as stale").isLessThan(newer);

        mappings.pipeInput("work_package:20003", keyedMapping("WORK_PACKAGE", "20003", "ALPHA-3", 43));
        feedBackAliases();
        OpenProjectCommand resolved = commands.readValue();
        assertThat(descriptionOf(resolved)).isEqualTo("Now only #43");
        assertThat(resolved.getLineage().getOffset()).isEqualTo(newer);
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void mentionAndInlineImageOfAnAttachedFileAreResolvedWhenTheUserAndTheAttachmentAreLoaded() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        mappings.pipeInput("work_package:20001", keyedMapping("WORK_PACKAGE", "20001", "ALPHA-1", 41));
        JiraEntityEvent issue = withFields(describedIssue("20001", "ALPHA-1", "x"), """
                "attachment":[{"id":"30001","filename":"shot.png","size":3,"mimeType":"image/png",
                 "content":"https://jira.example/secure/attachment/30001/shot.png","created":"2025-03-04T10:11:12.123+0000"}],""");
        issues.pipeInput("issue:20001", JiraEntityEvent.newBuilder(issue).setPayload(issue.getPayload().replace("""
                {"type":"text","text":"x"}""", """
                {"type":"mention","attrs":{"id":"acc-1","text":"@Ann Lee"}},{"type":"text","text":" look "},\
                {"type":"mediaInline","attrs":{"id":"m-1","alt":"shot.png","type":"file"}}""")).build());
        Map<String, OpenProjectCommand> first = commands.readKeyValuesToMap();
        assertThat(descriptionOf(first.get("work_package:20001")))
                .isEqualTo("@Ann Lee look \\[attachment: shot.png\\]");

        mappings.pipeInput("user:acc-1", keyedMapping("USER", "acc-1", "Ann Lee", 7));
        mappings.pipeInput("attachment:30001", keyedMapping("ATTACHMENT", "30001", "ALPHA-1", 90));

        List<OpenProjectCommand> again = commands.readValuesToList();
        assertThat(descriptionOf(again.get(again.size() - 1))).isEqualTo(
                "<mention class=\"mention\" data-id=\"7\" data-type=\"user\" data-text=\"@Ann Lee\">@Ann Lee</mention> look "
                        + "![shot.png](/api/v3/attachments/90/content)");
    }

    @Test
    void dataCenterMentionByUsernameIsResolvedWhenTheUserWhoseKeyDiffersIsLoaded() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        users.pipeInput("user:JIRAUSER10100", event(JiraEntityType.USER, "JIRAUSER10100", null, null, """
                {"key":"JIRAUSER10100","name":"jdoe","displayName":"Jane Doe","emailAddress":"jane@corp.example",
                 "active":true}"""));
        OpenProjectCommand user = commands.readValue();
        assertThat(user.getJiraKey()).isEqualTo("~jdoe");
        JiraEntityEvent issue = issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium");
        issues.pipeInput("issue:20001", JiraEntityEvent.newBuilder(issue).setPayload(issue.getPayload().replaceFirst(
                "\"description\":\\{.*?\\]\\}\\]\\},", "\"description\":\"ask [~JDoe] please\",")).build());
        assertThat(descriptionOf(commands.readValue())).isEqualTo("ask @JDoe please");

        mappings.pipeInput("user:JIRAUSER10100", keyedMapping("USER", "JIRAUSER10100", user.getJiraKey(), 7));
        feedBackAliases();

        assertThat(descriptionOf(commands.readValue())).isEqualTo(
                "ask <mention class=\"mention\" data-id=\"7\" data-type=\"user\" data-text=\"@JDoe\">@JDoe</mention> please");
        assertThat(keysOf(StoreNames.MAPPINGS)).contains("user_name:jdoe");
        assertThat(commands.isEmpty()).isTrue();
    }

    @Test
    void cloudUserMappingPublishesNoUsernameAlias() {
        mappings.pipeInput("user:acc-1", keyedMapping("USER", "acc-1", "Ann Lee", 7));

        assertThat(driver.createOutputTopic(TOPICS.mappings(), new StringDeserializer(), serdes.mappings().deserializer())
                .isEmpty()).isTrue();
    }

    @Test
    void imageOfAFileAttachedToAnotherIssueIsSentAsItsFallbackAndCountedAsUnresolvable() throws Exception {
        mappings.pipeInput("project:10000", mapping("PROJECT", "10000", 5, "/api/v3/projects/5"));
        JiraEntityEvent issue = issueEvent("20001", "ALPHA-1", "Summary", "Task", "To Do", "Medium");
        issues.pipeInput("issue:20001", JiraEntityEvent.newBuilder(issue).setPayload(issue.getPayload().replaceFirst(
                "\"description\":\\{.*?\\]\\}\\]\\},", "\"description\":\"see !ALPHA-2^shot.png!\",")).build());

        assertThat(descriptionOf(commands.readValue()))
                .isEqualTo("see \\[attachment: ALPHA-2^shot.png\\]");
        assertThat(counters.unresolvableReferences()).isEqualTo(1);
        assertThat(keysOf(StoreNames.TEXT_PENDING)).as("nothing can resolve it: nothing waits").isEmpty();
    }

    /** Plays Kafka: what the transformer publishes to the mapping topic (aliases) is read back by it. */
    private void feedBackAliases() {
        TestOutputTopic<String, Mapping> published = driver.createOutputTopic(TOPICS.mappings(), new StringDeserializer(),
                serdes.mappings().deserializer());
        while (!published.isEmpty()) {
            var alias = published.readRecord();
            assertThat(alias.key()).matches("(issue_key|user_name):.+");
            mappings.pipeInput(alias.key(), alias.value());
        }
    }

    /** A Data Center task of project 10000 whose Epic Link names {@code epicKey}. */
    private static JiraEntityEvent epicChildEvent(String id, String key, String epicKey) {
        JiraEntityEvent child = withFields(issueEvent(id, key, "Child", "Task", "To Do", "Medium"),
                "\"customfield_10100\":\"" + epicKey + "\",");
        return JiraEntityEvent.newBuilder(child).setSource(new JiraSource("test", JiraFlavour.DATA_CENTER, "2")).build();
    }

    /** An issue of project 10000 whose description is one paragraph of {@code text}, served by https://jira.example. */
    private static JiraEntityEvent describedIssue(String id, String key, String text) {
        JiraEntityEvent issue = issueEvent(id, key, "Summary", "Task", "To Do", "Medium");
        return JiraEntityEvent.newBuilder(issue).setPayload(issue.getPayload()
                .replace("\"self\":\"https://jira/1\"", "\"self\":\"https://jira.example/rest/api/3/issue/" + id + "\"")
                .replace("Steps to reproduce", text)).build();
    }

    private static Mapping keyedMapping(String kind, String jiraId, String jiraKey, long id) {
        return Mapping.newBuilder(mapping(kind, jiraId, id, "/api/v3/" + kind.toLowerCase(java.util.Locale.ROOT) + "s/" + id))
                .setJiraKey(jiraKey).build();
    }

    /** Plays the loader: every command that leaves is applied and its mapping published, until nothing is left. */
    private void loadEverythingEmitted(Map<String, JsonNode> loaded) throws Exception {
        while (!commands.isEmpty()) {
            var record = commands.readRecord();
            assertThat(loaded).as("each work package leaves once").doesNotContainKey(record.key());
            loaded.put(record.key(), JSON.readTree(record.value().getBody()));
            String jiraId = record.value().getJiraId();
            String kind = record.value().getKind().name();
            mappings.pipeInput(record.key(), mapping(kind, jiraId, Long.parseLong(jiraId),
                    "/api/v3/" + kind.toLowerCase(java.util.Locale.ROOT) + "s/" + jiraId));
        }
    }

    private List<String> pendingKeys() {
        return keysOf(StoreNames.PENDING);
    }

    private List<String> keysOf(String store) {
        List<String> keys = new java.util.ArrayList<>();
        KeyValueStore<String, OpenProjectCommand> pending = driver.getKeyValueStore(store);
        try (var it = pending.all()) {
            it.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    /** A task of project 10000 whose Jira parent is {@code parentId}. */
    private static JiraEntityEvent childEvent(String id, String key, String parentId) {
        return withFields(issueEvent(id, key, "Child", "Task", "To Do", "Medium"),
                "\"parent\":{\"id\":\"" + parentId + "\",\"key\":\"ALPHA-P\",\"fields\":{\"summary\":\"P\"}},");
    }

    /** Adds fields (each ending in a comma) to an issue's payload. */
    private static JiraEntityEvent withFields(JiraEntityEvent issue, String fields) {
        return JiraEntityEvent.newBuilder(issue).setPayload(issue.getPayload().replace("\"fields\":{", "\"fields\":{" + fields)).build();
    }

    private static String worklogs(String... worklogs) {
        return "\"worklog\":{\"startAt\":0,\"maxResults\":20,\"total\":" + worklogs.length + ",\"worklogs\":["
                + String.join(",", worklogs) + "]},";
    }

    private static String watchers(String... accountIds) {
        StringBuilder users = new StringBuilder();
        for (String accountId : accountIds) {
            users.append(users.length() == 0 ? "" : ",").append("{\"accountId\":\"").append(accountId).append("\"}");
        }
        return "\"watches\":{\"watchCount\":" + accountIds.length + ",\"isWatching\":false,\"watchers\":[" + users + "]},";
    }

    private static String worklog(String id, int seconds) {
        return """
                {"id":"%s","author":{"accountId":"a-1","displayName":"Ann"},"started":"2025-03-04T09:00:00.000+0000",
                 "timeSpentSeconds":%d,"created":"2025-03-04T10:00:00.000+0000"}""".formatted(id, seconds);
    }

    private static String comment(String id, String text) {
        return """
                {"id":"%s","self":"https://jira/c/%s","author":{"accountId":"a1","displayName":"Ann O'Neil"},
                 "body":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[%s]}]},
                 "created":"2025-03-04T10:11:12.123+0000","updated":"2025-03-04T10:11:12.123+0000"}
                """.formatted(id, id, text.contains("*")
                ? "{\"type\":\"text\",\"text\":\"Looks \"},{\"type\":\"text\",\"text\":\"good\",\"marks\":[{\"type\":\"strong\"}]}"
                : "{\"type\":\"text\",\"text\":\"" + text + "\"}");
    }

    /** An issue of project 10000 whose payload lists {@code comments} out of {@code total}. */
    private static JiraEntityEvent issueWithComments(String id, String summary, int total, String... comments) {
        return withFields(issueEvent(id, "ALPHA-1", summary, "Task", "To Do", "Medium"),
                "\"comment\":{\"comments\":[" + String.join(",", comments) + "],\"maxResults\":" + comments.length
                        + ",\"total\":" + total + ",\"startAt\":0},");
    }

    private static JiraEntityEvent projectEvent(String id, String key, String name) {
        String payload = JSON.createObjectNode().put("id", id).put("key", key).put("name", name)
                .put("self", "https://jira/rest/api/3/project/" + id).toString();
        return event(JiraEntityType.PROJECT, id, key, key, payload);
    }

    private static JiraEntityEvent issueEvent(String id, String key, String summary, String type, String status, String priority) {
        String payload = """
                {"id":"%s","key":"%s","self":"https://jira/1","fields":{"summary":"%s",
                 "description":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[{"type":"text","text":"Steps to reproduce"}]}]},
                 "issuetype":{"name":"%s"},"status":{"name":"%s","statusCategory":{"key":"indeterminate"}},
                 "priority":{"name":"%s"},"project":{"id":"10000","key":"ALPHA"},"updated":"2025-03-04T10:11:12.123+0000"}}
                """.formatted(id, key, summary, type, status, priority);
        return event(JiraEntityType.ISSUE, id, key, "ALPHA", payload);
    }

    private static JiraEntityEvent event(JiraEntityType type, String id, String key, String projectKey, String payload) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(type).setJiraId(id).setJiraKey(key).setProjectKey(projectKey)
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(payload)
                .build();
    }

    private static Mapping mapping(String kind, String jiraId, long id, String href) {
        return Mapping.newBuilder().setKind(kind).setJiraId(jiraId).setOpenProjectId(id).setHref(href)
                .setAppliedChecksum("c").setCommandId("x").setUpdatedAt(Instant.parse("2025-06-01T00:00:00Z")).build();
    }

    /** A work package command's description without the link back to Jira that ends every migrated one. */
    private static String descriptionOf(OpenProjectCommand command) throws Exception {
        return JSON.readTree(command.getBody()).at("/description/raw").asText()
                .replaceFirst("\\n\\n\\*Migrated from Jira issue \\[[^]]+]\\([^)]+\\)\\*$", "");
    }
}
