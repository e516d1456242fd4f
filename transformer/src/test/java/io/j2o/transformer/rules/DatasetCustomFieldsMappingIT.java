package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.ChangeType;
import io.j2o.schemas.avro.JiraEntityEvent;
import io.j2o.schemas.avro.JiraEntityType;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.avro.JiraSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo's custom fields end to end on the transformer's side: the catalog read from the OpenProject simulator's
 * work-package schema, the dataset's issues mapped with the demo mapping, every value finding its field and option.
 */
class DatasetCustomFieldsMappingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyGeneratedIssueMapsItsCustomFieldsLabelsAndComponentsThroughTheSchemaCatalog() throws Exception {
        List<WorkPackageCustomField> fields;
        try (OpenProjectSimulator openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("it")
                .withCustomFields(DatasetCustomFields.openProjectFields())).start()) {
            JsonNode project = send(openProject, "POST", "/api/v3/projects", "{\"name\":\"Catalog\",\"identifier\":\"catalog\"}");
            fields = WorkPackageCustomField.fromSchema(
                    send(openProject, "GET", "/api/v3/work_packages/schemas/" + project.path("id").asInt() + "-1", null));
            assertThat(WorkPackageCustomField.fromSchema(openProject.customFieldSchema()))
                    .as("what a demo reads before any project exists").isEqualTo(fields);
        }
        MappingRules rules = new MappingRules(Catalogs.withRoles(Catalogs.MEMBER).withCustomFields(fields), "customField1",
                MappingConfig.defaults().withCustomFields(DatasetCustomFields.jiraToOpenProject())
                        .withLabels(DatasetCustomFields.LABELS_FIELD).withComponents(DatasetCustomFields.COMPONENTS_FIELD));
        JiraDataset dataset = new DatasetGenerator(7).generate(2, 200);

        int severities = 0;
        int reviewers = 0;
        for (ObjectNode issue : dataset.issues()) {
            JsonNode body = rules.map(event(issue), issue).orElseThrow().body();
            JsonNode links = body.path("_links");
            assertThat(links.path("customField9")).as("components").hasSize(issue.at("/fields/components").size());
            assertThat(links.path("customField6").size()).isEqualTo(issue.at("/fields/" + DatasetCustomFields.PLATFORMS).size());
            assertThat(body.has("customField2") && body.has("customField3") && body.has("customField4")
                    && body.has("customField8")).isTrue();
            severities += links.path("customField5").path("href").isNull() ? 0 : 1;
            reviewers += links.path("customField7").path("href").isNull() ? 0 : 1;
        }
        assertThat(severities).isPositive();
        assertThat(reviewers).isPositive();
    }

    private static JsonNode send(OpenProjectSimulator openProject, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(openProject.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("apikey:" + openProject.apiKey()).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    private static JiraEntityEvent event(JsonNode issue) {
        return JiraEntityEvent.newBuilder()
                .setEntityType(JiraEntityType.ISSUE).setJiraId(issue.path("id").asText())
                .setJiraKey(issue.path("key").asText()).setProjectKey(issue.at("/fields/project/key").asText())
                .setChange(ChangeType.UPSERT).setExtractedAt(Instant.parse("2025-06-01T00:00:00Z"))
                .setSource(new JiraSource("test", JiraFlavour.CLOUD, "3")).setPayload(issue.toString())
                .build();
    }
}
