package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Custom field values as a replay sends them again: in place means no write, any change means a write. */
class DesiredStateCustomFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String CURRENT = """
            {"_type":"WorkPackage","id":12,"lockVersion":3,"customField1":"ALPHA-1","customField2":"ACME",
             "customField3":5.0,"customField4":1042,"customField5":"2025-04-30","customField12":null,
             "customField14":{"format":"markdown","raw":"Call **first**","html":"<p>…</p>"},
             "_links":{"self":{"href":"/api/v3/work_packages/12"},
                       "customField6":{"href":"/api/v3/custom_options/2","title":"High"},
                       "customField7":[{"href":"/api/v3/custom_options/4","title":"iOS"},
                                       {"href":"/api/v3/custom_options/3","title":"Web"}],
                       "customField8":{"href":"/api/v3/users/7","title":"Rita"},
                       "customField9":[],"customField10":{"href":null}}}
            """;

    @Test
    void everyCustomFieldAlreadyInPlaceNeedsNoWriteWhateverTheOrderOfAMultiValue() throws Exception {
        JsonNode desired = JSON.readTree("""
                {"customField1":"ALPHA-1","customField2":"ACME","customField3":5,"customField4":1042.0,
                 "customField5":"2025-04-30","customField12":null,"customField14":{"raw":"Call **first**"},
                 "_links":{"customField6":{"href":"/api/v3/custom_options/2"},
                           "customField7":[{"href":"/api/v3/custom_options/3"},{"href":"/api/v3/custom_options/4"}],
                           "customField8":{"href":"/api/v3/users/7"},"customField9":[],"customField10":{"href":null}}}
                """);

        assertThat(DesiredState.isSatisfiedBy(desired, JSON.readTree(CURRENT))).isTrue();
    }

    @Test
    void aChangedScalarOrLinkedCustomFieldNeedsAWrite() throws Exception {
        JsonNode current = JSON.readTree(CURRENT);

        assertThat(satisfied("{\"customField3\":5.5}", current)).as("number").isFalse();
        assertThat(satisfied("{\"customField5\":null}", current)).as("cleared date").isFalse();
        assertThat(satisfied("{\"customField12\":\"backend\"}", current)).as("labels set").isFalse();
        assertThat(satisfied("{\"_links\":{\"customField6\":{\"href\":\"/api/v3/custom_options/1\"}}}", current))
                .as("option").isFalse();
        assertThat(satisfied("{\"_links\":{\"customField8\":{\"href\":null}}}", current)).as("cleared user").isFalse();
    }

    @Test
    void aMultiValueWithAnAddedRemovedOrClearedElementNeedsAWrite() throws Exception {
        JsonNode current = JSON.readTree(CURRENT);

        assertThat(satisfied("{\"_links\":{\"customField7\":[{\"href\":\"/api/v3/custom_options/3\"}]}}", current))
                .as("removed").isFalse();
        assertThat(satisfied("""
                {"_links":{"customField7":[{"href":"/api/v3/custom_options/3"},{"href":"/api/v3/custom_options/4"},
                                           {"href":"/api/v3/custom_options/5"}]}}""", current)).as("added").isFalse();
        assertThat(satisfied("{\"_links\":{\"customField7\":[]}}", current)).as("cleared").isFalse();
        assertThat(satisfied("{\"_links\":{\"customField9\":[{\"href\":\"/api/v3/users/8\"}]}}", current))
                .as("set").isFalse();
        assertThat(satisfied("{\"_links\":{\"customField10\":[]}}", current)).as("empty is null").isTrue();
    }

    private static boolean satisfied(String desired, JsonNode current) throws Exception {
        return DesiredState.isSatisfiedBy(JSON.readTree(desired), current);
    }
}
