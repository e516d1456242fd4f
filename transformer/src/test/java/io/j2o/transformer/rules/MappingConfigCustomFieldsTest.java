package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.j2o.transformer.rules.WorkPackageCustomField.Format;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** mapping.customFields, mapping.labels and mapping.components: defaults, and every mistake reported with its key. */
class MappingConfigCustomFieldsTest {

    @Test
    void defaultsMigrateNoCustomFieldsLabelsOrComponentsAndTheOldConstructorKeepsThem() {
        MappingConfig old = new MappingConfig(Map.of(), MappingConfig.UnmatchedUsers.INVITE, null, Map.of(), "Member");

        assertThat(MappingConfig.defaults()).isEqualTo(old);
        assertThat(old.customFields()).isEmpty();
        assertThat(old.labels()).isNull();
        assertThat(old.components()).isNull();
        assertThat(old.withLabels(" ").labels()).as("blank is unset").isNull();
    }

    @Test
    void everyTargetThatIsNotACustomFieldIsReportedAtOnce() {
        assertThatThrownBy(() -> new MappingConfig(Map.of(), MappingConfig.UnmatchedUsers.INVITE, null, Map.of(), "Member",
                Map.of("customfield_10010", "Severity"), "labels", "customField 3", Map.of(), null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping.customFields.customfield_10010: must name an OpenProject custom field as "
                        + "customField<N>, was 'Severity'")
                .hasMessageContaining("mapping.labels: must name an OpenProject custom field as customField<N>, was 'labels'")
                .hasMessageContaining("mapping.components:");
    }

    @Test
    void theJiraKeyFieldAndAFieldTakenTwiceAreRefused() {
        OpenProjectCatalog catalog = Catalogs.withRoles(Catalogs.MEMBER).withCustomFields(List.of(
                new WorkPackageCustomField("customField1", "Jira key", Format.STRING, false, Map.of()),
                new WorkPackageCustomField("customField2", "Notes", Format.STRING, false, Map.of())));
        MappingConfig config = MappingConfig.defaults()
                .withCustomFields(Map.of("customfield_1", "customField1", "customfield_2", "customField2"))
                .withLabels("customField2");

        assertThatThrownBy(() -> new MappingRules(catalog, "customField1", config))
                .hasMessageContaining("mapping.customFields.customfield_1: customField1 holds the Jira key")
                .hasMessageContaining("mapping.labels: customField2 already receives another Jira field");
    }
}
