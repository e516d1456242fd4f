package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.SiteMix;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code GET /rest/api/{3|2}/field}: system fields and the custom fields the site's issues hold, with their schema. */
class JiraFieldListTest {

    private static final JiraDataset DATASET = new DatasetGenerator(3).generate(2, 60);

    @Test
    void cloudAndDataCenterListTheCustomFieldsWithTheirSchemaType() {
        for (JiraSimulator.Options options : List.of(JiraSimulator.Options.defaults(), JiraSimulator.Options.dataCenter())) {
            String api = options.flavour() == JiraSimulator.Flavour.CLOUD ? "/rest/api/3" : "/rest/api/2";
            try (JiraSimulator simulator = new JiraSimulator(DATASET, options).start()) {
                JsonNode fields = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken())
                        .get(api + "/field").body();

                JsonNode severity = field(fields, DatasetCustomFields.SEVERITY);
                assertThat(severity.path("custom").asBoolean()).isTrue();
                assertThat(severity.at("/schema/type").asText()).isEqualTo("option");
                assertThat(field(fields, DatasetCustomFields.PLATFORMS).at("/schema/items").asText()).isEqualTo("option");
                assertThat(field(fields, DatasetCustomFields.REVIEWER).at("/schema/type").asText()).isEqualTo("user");
                assertThat(field(fields, "labels").at("/schema/items").asText()).isEqualTo("string");
                assertThat(field(fields, "components").path("custom").asBoolean()).isFalse();
            }
        }
    }

    @Test
    void aSiteMixingTwoIdBasesListsTheCustomFieldsOfBoth() {
        // A generated site stands in for the seeded part, without groups as a seed directory serves none.
        JiraDataset seeded = new JiraDataset(DATASET.siteUrl(), DATASET.users(), DATASET.projects(), DATASET.versions(),
                DATASET.statuses(), DATASET.issueTypes(), DATASET.priorities(), DATASET.issues());
        SiteMix mix = SiteMix.of(seeded, 4, 1, 20);
        DatasetCustomFields.Ids moved = DatasetCustomFields.ids(mix.generatedIds().base());
        for (JiraSimulator.Options options : List.of(JiraSimulator.Options.defaults(), JiraSimulator.Options.dataCenter())) {
            String api = options.flavour() == JiraSimulator.Flavour.CLOUD ? "/rest/api/3" : "/rest/api/2";
            try (JiraSimulator simulator = new JiraSimulator(mix.dataset(), options).start()) {
                JsonNode fields = new JiraHttp(simulator.baseUrl(), options.email(), options.apiToken())
                        .get(api + "/field").body();

                assertThat(field(fields, DatasetCustomFields.SEVERITY).at("/schema/type").asText()).isEqualTo("option");
                assertThat(field(fields, moved.severity()).at("/schema/type").asText()).isEqualTo("option");
                assertThat(field(fields, moved.sprint()).at("/schema/customId").asLong())
                        .isEqualTo(Long.parseLong(moved.sprint().substring("customfield_".length())));
            }
        }
    }

    private static JsonNode field(JsonNode fields, String id) {
        return StreamSupport.stream(fields.spliterator(), false).filter(f -> f.path("id").asText().equals(id))
                .findFirst().orElseThrow(() -> new AssertionError("no field " + id + " in " + fields));
    }
}
