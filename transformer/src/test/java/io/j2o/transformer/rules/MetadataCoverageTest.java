package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.transformer.rules.MetadataCoverage.Verdict;
import io.j2o.transformer.rules.MetadataCoverage.Vocabulary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataCoverageTest {

    private static final OpenProjectCatalog CATALOG = new OpenProjectCatalog(
            List.of(new CatalogEntry("Task", "/api/v3/types/1", true), new CatalogEntry("User story", "/api/v3/types/6", false),
                    new CatalogEntry("Bug", "/api/v3/types/7", false)),
            List.of(new CatalogEntry("New", "/api/v3/statuses/1", true), new CatalogEntry("In progress", "/api/v3/statuses/7", false),
                    new CatalogEntry("On hold", "/api/v3/statuses/13", false), new CatalogEntry("Closed", "/api/v3/statuses/12", false)),
            List.of(new CatalogEntry("Normal", "/api/v3/priorities/8", true), new CatalogEntry("High", "/api/v3/priorities/9", false)),
            Map.of("status", Map.of("Blocked", "On hold", "Parked", "Frozen")),
            List.of(Catalogs.MEMBER));

    private final MetadataCoverage coverage = new MetadataCoverage(CATALOG);

    @Test
    void says_how_each_jira_name_is_matched() {
        assertThat(coverage.verdict(Vocabulary.STATUS, "Blocked")).extracting(Verdict::openProjectName, Verdict::how)
                .containsExactly("On hold", "OVERRIDE");
        assertThat(coverage.verdict(Vocabulary.TYPE, "bug")).extracting(Verdict::openProjectName, Verdict::how)
                .containsExactly("Bug", "SAME_NAME");
        assertThat(coverage.verdict(Vocabulary.TYPE, "Story")).extracting(Verdict::openProjectName, Verdict::how)
                .containsExactly("User story", "EQUIVALENT");
        assertThat(coverage.verdict(Vocabulary.STATUS, "Waiting for support", "indeterminate"))
                .extracting(Verdict::openProjectName, Verdict::how).containsExactly("In progress", "HINT");
    }

    @Test
    void an_unmapped_name_is_flagged_with_the_closest_openproject_name_as_suggestion() {
        Verdict verdict = coverage.verdict(Vocabulary.TYPE, "Technical story");

        assertThat(verdict.unmapped()).isTrue();
        assertThat(verdict.openProjectName()).isEqualTo("Task");
        assertThat(verdict.suggestion()).contains("User story");
    }

    @Test
    void an_unmapped_name_resembling_nothing_gets_no_suggestion() {
        Verdict verdict = coverage.verdict(Vocabulary.PRIORITY, "P0");

        assertThat(verdict.unmapped()).isTrue();
        assertThat(verdict.suggestion()).isEmpty();
    }

    @Test
    void an_override_naming_a_missing_openproject_entry_is_reported() {
        assertThat(coverage.brokenOverrides()).containsExactly("status: parked -> Frozen");
    }
}
