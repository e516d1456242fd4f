package io.j2o.sandbox.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.openproject.CustomFieldDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated issues' custom fields and components, and the OpenProject fields they are meant to map to. */
class DatasetCustomFieldsTest {

    private final List<ObjectNode> issues = new DatasetGenerator(42).generate(3, 300).issues();

    @Test
    void everyCustomFieldIsSetOnSomeIssuesAndEmptyOnOthers() {
        for (String field : List.of(DatasetCustomFields.CUSTOMER, DatasetCustomFields.STORY_POINTS,
                DatasetCustomFields.GO_LIVE, DatasetCustomFields.SEVERITY, DatasetCustomFields.PLATFORMS,
                DatasetCustomFields.REVIEWER)) {
            assertThat(count(issue -> issue.path("fields").path(field).isNull())).as(field + " null").isPositive();
            assertThat(count(issue -> !issue.path("fields").path(field).isNull())).as(field + " set").isPositive();
        }
        assertThat(count(issue -> issue.at("/fields/labels").isEmpty())).isPositive();
        assertThat(count(issue -> issue.at("/fields/labels").size() > 1)).isPositive();
        assertThat(count(issue -> issue.at("/fields/components").size() > 1)).isPositive();
    }

    @Test
    void everySelectValueAndComponentHasAnOptionOfTheSameNameInOpenProject() {
        Map<Integer, List<String>> options = DatasetCustomFields.openProjectFields().stream()
                .collect(Collectors.toMap(CustomFieldDefinition::id, CustomFieldDefinition::options));
        for (ObjectNode issue : issues) {
            JsonNode fields = issue.path("fields");
            if (!fields.path(DatasetCustomFields.SEVERITY).isNull()) {
                assertThat(options.get(5)).contains(fields.path(DatasetCustomFields.SEVERITY).path("value").asText());
            }
            fields.path(DatasetCustomFields.PLATFORMS).forEach(platform ->
                    assertThat(options.get(6)).contains(platform.path("value").asText()));
            fields.path("components").forEach(component ->
                    assertThat(options.get(9)).contains(component.path("name").asText()));
        }
    }

    @Test
    void reviewersAreSiteUsersAndTheMappingNamesOnlyDefinedFields() {
        Set<String> accountIds = new DatasetGenerator(42).generate(3, 300).users().stream()
                .map(user -> user.path("accountId").asText()).collect(Collectors.toSet());
        issues.stream().map(issue -> issue.at("/fields/" + DatasetCustomFields.REVIEWER)).filter(r -> !r.isNull())
                .forEach(reviewer -> assertThat(accountIds).contains(reviewer.path("accountId").asText()));
        Set<String> properties = DatasetCustomFields.openProjectFields().stream().map(CustomFieldDefinition::property)
                .collect(Collectors.toSet());
        assertThat(properties).containsAll(DatasetCustomFields.jiraToOpenProject().values())
                .contains(DatasetCustomFields.LABELS_FIELD, DatasetCustomFields.COMPONENTS_FIELD);
        assertThat(DatasetCustomFields.jiraFields()).extracting(field -> field.path("id").asText())
                .as("every mapped field, and the Sprint field, which becomes versions instead")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                        DatasetCustomFields.jiraToOpenProject().keySet().stream(), java.util.stream.Stream.of(DatasetCustomFields.SPRINT))
                        .toList());
    }

    private long count(Predicate<ObjectNode> test) {
        return issues.stream().filter(test).count();
    }
}
