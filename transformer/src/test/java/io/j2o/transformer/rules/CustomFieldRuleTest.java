package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import io.j2o.transformer.resolve.SoftReferences;
import io.j2o.transformer.rules.WorkPackageCustomField.Format;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Jira custom fields, labels and components in OpenProject work-package custom fields, one golden per value type. */
class CustomFieldRuleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SEVERITIES = Map.of(
            "Low", "/api/v3/custom_options/1", "High", "/api/v3/custom_options/2");
    private static final Map<String, String> PLATFORMS = Map.of(
            "Web", "/api/v3/custom_options/3", "iOS", "/api/v3/custom_options/4", "Android", "/api/v3/custom_options/5");
    private static final OpenProjectCatalog CATALOG = Catalogs.withRoles(Catalogs.MEMBER).withCustomFields(List.of(
            new WorkPackageCustomField("customField1", "Jira key", Format.STRING, false, Map.of()),
            new WorkPackageCustomField("customField2", "Customer", Format.STRING, false, Map.of()),
            new WorkPackageCustomField("customField3", "Story points", Format.FLOAT, false, Map.of()),
            new WorkPackageCustomField("customField4", "Build", Format.INT, false, Map.of()),
            new WorkPackageCustomField("customField5", "Go-live", Format.DATE, false, Map.of()),
            new WorkPackageCustomField("customField6", "Severity", Format.LIST, false, SEVERITIES),
            new WorkPackageCustomField("customField7", "Platforms", Format.LIST, true, PLATFORMS),
            new WorkPackageCustomField("customField8", "Reviewer", Format.USER, false, Map.of()),
            new WorkPackageCustomField("customField9", "Approvers", Format.USER, true, Map.of()),
            new WorkPackageCustomField("customField10", "Found in", Format.VERSION, false, Map.of()),
            new WorkPackageCustomField("customField11", "Spec", Format.LINK, false, Map.of()),
            new WorkPackageCustomField("customField12", "Labels", Format.STRING, false, Map.of()),
            new WorkPackageCustomField("customField13", "Components", Format.LIST, true,
                    Map.of("Backend", "/api/v3/custom_options/6", "UI", "/api/v3/custom_options/7")),
            new WorkPackageCustomField("customField14", "Notes", Format.TEXT, false, Map.of()),
            new WorkPackageCustomField("customField15", "Released at", Format.DATE, false, Map.of())));
    private static final MappingConfig CONFIG = MappingConfig.defaults()
            .withCustomFields(Map.ofEntries(
                    Map.entry("customfield_10001", "customField2"), Map.entry("customfield_10002", "customField3"),
                    Map.entry("customfield_10003", "customField4"), Map.entry("customfield_10004", "customField5"),
                    Map.entry("customfield_10005", "customField6"), Map.entry("customfield_10006", "customField7"),
                    Map.entry("customfield_10007", "customField8"), Map.entry("customfield_10008", "customField9"),
                    Map.entry("customfield_10009", "customField10"), Map.entry("customfield_10010", "customField11"),
                    Map.entry("customfield_10011", "customField14"), Map.entry("customfield_10012", "customField15")))
            .withLabels("customField12")
            .withComponents("customField13");

    private final MappingRules rules = new MappingRules(CATALOG, "customField1", CONFIG);

    @Test
    void everyValueTypeLandsInItsCustomFieldAsOpenProjectTakesIt() throws Exception {
        JsonNode issue = issue("""
                "customfield_10001":"ACME Corp","customfield_10002":5.0,"customfield_10003":1042,
                "customfield_10004":"2025-04-30",
                "customfield_10005":{"self":"x","value":"High","id":"10100"},
                "customfield_10006":[{"value":"Web","id":"10110"},{"value":"iOS","id":"10111"}],
                "customfield_10007":{"accountId":"u-7","displayName":"Rita"},
                "customfield_10008":[{"accountId":"u-8","displayName":"Al"},{"accountId":"u-9","displayName":"Bea"}],
                "customfield_10009":{"id":"10200","name":"1.0"},
                "customfield_10010":"https://wiki.example.com/spec/42",
                "customfield_10011":{"type":"doc","version":1,"content":[{"type":"paragraph","content":[
                    {"type":"text","text":"Call "},{"type":"text","text":"first","marks":[{"type":"strong"}]}]}]},
                "customfield_10012":"2025-05-02T23:30:00.000+0200",
                "labels":["backend","urgent"],
                "components":[{"id":"10300","name":"Backend"},{"id":"10301","name":"UI"}]
                """);

        JsonNode body = rules.map(event(issue), issue).orElseThrow().body();

        assertThat(fieldsOf(body)).isEqualTo(JSON.readTree("""
                {"customField2":"ACME Corp","customField3":5.0,"customField4":1042,"customField5":"2025-04-30",
                 "customField11":"https://wiki.example.com/spec/42","customField14":{"raw":"Call **first**"},
                 "customField15":"2025-05-02","customField12":"backend, urgent",
                 "_links":{"customField6":{"href":"/api/v3/custom_options/2"},
                           "customField7":[{"href":"/api/v3/custom_options/3"},{"href":"/api/v3/custom_options/4"}],
                           "customField8":{"href":"j2o:ref:user:u-7"},
                           "customField9":[{"href":"j2o:ref:user:u-8"},{"href":"j2o:ref:user:u-9"}],
                           "customField10":{"href":"j2o:ref:version:10200"},
                           "customField13":[{"href":"/api/v3/custom_options/6"},{"href":"/api/v3/custom_options/7"}]}}
                """));
    }

    @Test
    void usersInUserFieldsBecomeMembersAsOpenProjectOnlyOffersMembersThere() throws Exception {
        JsonNode issue = issue("""
                "assignee":{"accountId":"u-7"},
                "customfield_10007":{"accountId":"u-7","displayName":"Rita"},
                "customfield_10008":[{"accountId":"u-8"}]
                """);

        assertThat(rules.memberships(event(issue), issue)).extracting(CommandDraft::jiraId)
                .containsExactly("10000_u-7", "10000_u-8");
        assertThat(rules.map(event(issue), issue).orElseThrow().body().at("/_j2o/awaits")).isEqualTo(JSON.readTree(
                "[\"j2o:ref:membership:10000_u-7\",\"j2o:ref:membership:10000_u-8\"]"));
    }

    @Test
    void missingAndNullJiraValuesClearEveryOpenProjectValue() throws Exception {
        JsonNode issue = issue("""
                "customfield_10001":null,"customfield_10002":null,"customfield_10005":null,"customfield_10006":[],
                "customfield_10007":null,"labels":[],"components":[]
                """);

        JsonNode body = rules.map(event(issue), issue).orElseThrow().body();

        assertThat(fieldsOf(body)).isEqualTo(JSON.readTree("""
                {"customField2":null,"customField3":null,"customField4":null,"customField5":null,"customField11":null,
                 "customField14":{"raw":""},"customField15":null,"customField12":null,
                 "_links":{"customField6":{"href":null},"customField7":[],"customField8":{"href":null},
                           "customField9":[],"customField10":{"href":null},"customField13":[]}}
                """));
    }

    @Test
    void richTextFieldKeepsItsReferencesOpenLikeTheDescriptionAndTheReportExpectsThemResolved() throws Exception {
        JsonNode issue = issue("""
                "attachment":[{"id":"30001","filename":"plan.pdf","size":3}],
                "customfield_10011":"After CF-2, ask [~jdoe] about [^plan.pdf]"
                """);

        ObjectNode body = rules.map(event(issue), issue).orElseThrow().body();
        Map<String, Long> migrated = Map.of("issue_key:CF-2", 42L, "user_name:jdoe", 7L, "attachment:30001", 90L);
        ObjectNode expected = SoftReferences.expected(body, key -> Optional.ofNullable(migrated.get(key)));

        assertThat(body.at("/customField14/raw").asText())
                .isEqualTo("After CF-2, ask @jdoe about \\[attachment: plan.pdf\\]");
        assertThat(body.at("/_j2o/texts/0/pointer").asText()).isEqualTo("/customField14/raw");
        assertThat(expected.at("/customField14/raw").asText()).isEqualTo("After #42, ask <mention class=\"mention\" "
                + "data-id=\"7\" data-type=\"user\" data-text=\"@jdoe\">@jdoe</mention> about "
                + "[plan.pdf](/api/v3/attachments/90/content)");
    }

    @Test
    void optionsMatchByNameIgnoringCaseWhenNoExactNameExists() throws Exception {
        JsonNode issue = issue("\"customfield_10005\":{\"value\":\"high\"}");

        assertThat(rules.map(event(issue), issue).orElseThrow().body().at("/_links/customField6/href").asText())
                .isEqualTo("/api/v3/custom_options/2");
    }

    @Test
    void unknownOptionFailsTheIssueNamingFieldAndValue() throws Exception {
        JsonNode issue = issue("\"customfield_10006\":[{\"value\":\"Web\"},{\"value\":\"Windows Phone\"}]");

        assertThatThrownBy(() -> rules.map(event(issue), issue))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("CF-1")
                .hasMessageContaining("customfield_10006")
                .hasMessageContaining("customField7 (Platforms")
                .hasMessageContaining("'Windows Phone' is not one of its options [Android, Web, iOS]");
    }

    @Test
    void valuesOpenProjectCannotHoldFailTheIssueWithTheReason() throws Exception {
        JsonNode fraction = issue("\"customfield_10003\":2.5");
        JsonNode twoSeverities = issue("\"customfield_10005\":[{\"value\":\"Low\"},{\"value\":\"High\"}]");
        JsonNode notADate = issue("\"customfield_10004\":\"soon\"");

        assertThatThrownBy(() -> rules.map(event(fraction), fraction)).isInstanceOf(MappingException.class)
                .hasMessageContaining("2.5 is not a whole number");
        assertThatThrownBy(() -> rules.map(event(twoSeverities), twoSeverities)).isInstanceOf(MappingException.class)
                .hasMessageContaining("takes only one");
        assertThatThrownBy(() -> rules.map(event(notADate), notADate)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'soon' is not a date");
    }

    @Test
    void aConfiguredFieldOpenProjectDoesNotHaveStopsTheRulesAtStartUp() {
        MappingConfig config = MappingConfig.defaults().withCustomFields(Map.of("customfield_10001", "customField99"));

        assertThatThrownBy(() -> new MappingRules(CATALOG, "customField1", config))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping.customFields.customfield_10001: OpenProject has no work-package custom "
                        + "field customField99");
    }

    @Test
    void labelsInATextFieldAreCommaJoinedAndComponentsInAListFieldAreOptionHrefs() throws Exception {
        OpenProjectCatalog catalog = CATALOG.withCustomFields(List.of(
                new WorkPackageCustomField("customField12", "Labels", Format.LIST, true,
                        Map.of("backend", "/api/v3/custom_options/20")),
                new WorkPackageCustomField("customField13", "Components", Format.STRING, false, Map.of())));
        MappingRules swapped = new MappingRules(catalog, "customField1",
                MappingConfig.defaults().withLabels("customField12").withComponents("customField13"));
        JsonNode issue = issue("\"labels\":[\"backend\"],\"components\":[{\"name\":\"Backend\"},{\"name\":\"UI\"}]");

        JsonNode body = swapped.map(event(issue), issue).orElseThrow().body();

        assertThat(body.path("customField13").asText()).isEqualTo("Backend, UI");
        assertThat(body.at("/_links/customField12")).isEqualTo(JSON.readTree("[{\"href\":\"/api/v3/custom_options/20\"}]"));
    }

    @Test
    void withoutMappingNoCustomFieldIsWritten() throws Exception {
        JsonNode issue = issue("\"customfield_10001\":\"ACME\",\"labels\":[\"x\"]");

        JsonNode body = new MappingRules(CATALOG, "customField1", MappingConfig.defaults())
                .map(event(issue), issue).orElseThrow().body();

        assertThat(fieldsOf(body)).isEqualTo(JSON.readTree("{\"_links\":{}}"));
    }

    @Test
    void theCatalogReadsCustomFieldsFromAWorkPackageSchema() throws Exception {
        JsonNode schema = JSON.readTree("""
                {"_type":"Schema","subject":{"type":"String","name":"Subject"},
                 "customField1":{"type":"String","name":"Jira key","required":false,"writable":true},
                 "customField6":{"type":"CustomOption","name":"Severity","location":"_links",
                   "_links":{"allowedValues":[{"href":"/api/v3/custom_options/1","title":"Low"},
                                              {"href":"/api/v3/custom_options/2","title":"High"}]}},
                 "customField7":{"type":"[]CustomOption","name":"Platforms","location":"_links",
                   "_embedded":{"allowedValues":[{"_type":"CustomOption","value":"Web",
                                                  "_links":{"self":{"href":"/api/v3/custom_options/3"}}}]}},
                 "customField8":{"type":"[]User","name":"Approvers","location":"_links",
                   "_links":{"allowedValues":{"href":"/api/v3/principals?filters=x"}}},
                 "customField20":{"type":"CustomField::Hierarchy::Item","name":"Tree"}}
                """);

        assertThat(WorkPackageCustomField.fromSchema(schema)).containsExactly(
                new WorkPackageCustomField("customField1", "Jira key", Format.STRING, false, Map.of()),
                new WorkPackageCustomField("customField6", "Severity", Format.LIST, false, SEVERITIES),
                new WorkPackageCustomField("customField7", "Platforms", Format.LIST, true,
                        Map.of("Web", "/api/v3/custom_options/3")),
                new WorkPackageCustomField("customField8", "Approvers", Format.USER, true, Map.of()));
    }

    /** The custom-field part of a work-package body as it goes over the wire: its customFieldN properties and links. */
    private static JsonNode fieldsOf(JsonNode body) throws Exception {
        var out = JSON.createObjectNode();
        body.fields().forEachRemaining(field -> {
            if (field.getKey().matches("customField\\d+") && !field.getKey().equals("customField1")) {
                out.set(field.getKey(), field.getValue());
            }
        });
        var links = out.putObject("_links");
        body.path("_links").fields().forEachRemaining(link -> {
            if (link.getKey().matches("customField\\d+")) {
                links.set(link.getKey(), link.getValue());
            }
        });
        return JSON.readTree(out.toString());
    }

    private static JsonNode issue(String customFields) throws Exception {
        return JSON.readTree("""
                {"id":"10001","key":"CF-1","fields":{"summary":"s","project":{"id":"10000","key":"CF"},%s}}
                """.formatted(customFields));
    }

    private static JiraEntityEvent event(JsonNode issue) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId(issue.path("id").asText())
                .setJiraKey(issue.path("key").asText()).setProjectKey("CF")
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(issue.toString())
                .build();
    }
}
