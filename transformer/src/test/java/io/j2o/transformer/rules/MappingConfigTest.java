package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingConfigTest {

    @Test
    void everyProblemIsReportedAtOnceWithItsPathAndValue() {
        assertThatThrownBy(() -> new MappingConfig(Map.of("ann@example.com", " "), MappingConfig.UnmatchedUsers.FALLBACK,
                "", Map.of("Blocks", "stops"), ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping.users.fallbackLogin: must be set when mapping.users.unmatched is fallback")
                .hasMessageContaining("mapping.users.overrides.ann@example.com: must be an OpenProject login, was ' '")
                .hasMessageContaining("mapping.linkTypes.blocks: must be one of [blocked, blocks, duplicated, duplicates, "
                        + "follows, includes, partof, precedes, relates, required, requires], was 'stops'")
                .hasMessageContaining("mapping.memberRole: must name an OpenProject role, was ''");
    }

    @Test
    void memberRoleMissingFromOpenProjectIsAConfigurationErrorNamingTheRolesThereAre() {
        OpenProjectCatalog catalog = Catalogs.withRoles(new CatalogEntry("Reader", "/api/v3/roles/5", false));

        assertThatThrownBy(() -> new MappingRules(catalog, "cf", MappingConfig.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mapping.memberRole: OpenProject has no role 'Member', it has [Reader]");
    }

    @Test
    void sprintsBecomeVersionsUnlessTheOperatorSaysIgnore() {
        assertThat(MappingConfig.defaults().sprints()).isEqualTo(MappingConfig.Sprints.VERSION);
        assertThat(MappingConfig.defaults().withCustomFields(Map.of()).withSprints(MappingConfig.Sprints.IGNORE)
                .withLabels("customField4").sprints()).as("kept through the other withers").isEqualTo(MappingConfig.Sprints.IGNORE);
    }
}
