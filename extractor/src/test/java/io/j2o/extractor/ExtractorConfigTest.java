package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.j2o.extractor.jira.JiraAuth;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.topics.Topics;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractorConfigTest {

    private static final ExtractorConfig CONFIG = new ExtractorConfig("https://jira.example", "me@example.com", "token",
            "site", List.of("ALPHA"), "localhost:9092", new Topics("j2o."), Duration.ofMinutes(1), 50, 3, Map.of());

    @Test
    void extractsEveryKindUnlessToldOtherwise() {
        assertThat(CONFIG.entities()).containsExactly("users", "groups", "projects", "versions", "issues", "roles", "vocabulary");
        assertThat(List.of(ExtractedEntity.values())).allMatch(CONFIG::extracts);
    }

    @Test
    void entitiesAreReadWhateverTheirCaseAndOnlyThoseAreExtracted() {
        ExtractorConfig usersAndIssues = CONFIG.withEntities(List.of(" Users", "ISSUES", "users"));
        assertThat(usersAndIssues.entities()).containsExactly("users", "issues");
        assertThat(usersAndIssues.extracts(ExtractedEntity.USERS)).isTrue();
        assertThat(usersAndIssues.extracts(ExtractedEntity.VERSIONS)).isFalse();
        assertThat(usersAndIssues.withFlavour(JiraFlavour.DATA_CENTER).entities()).containsExactly("users", "issues");
    }

    @Test
    void theHttpPolicyCarriesAttemptsAndTheRateLimit() {
        assertThat(CONFIG.httpPolicy().requestsPerSecond()).as("no limit unless configured").isZero();
        assertThat(CONFIG.withRequestsPerSecond(2.5).httpPolicy())
                .extracting(p -> p.maxAttempts(), p -> p.requestsPerSecond()).containsExactly(3, 2.5);
    }

    @Test
    void unknownOrNoEntitiesAreReportedWithEveryOtherProblem() {
        assertThatThrownBy(() -> CONFIG.withEntities(List.of("issues", "sprints", "boards")).withReconcileEvery(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extractor.entities: 'sprints' is not one of [users, groups, projects, versions, issues, roles, vocabulary]")
                .hasMessageContaining("'boards'");
        assertThatThrownBy(() -> new ExtractorConfig("https://jira.example", "me@example.com", "token", "site", List.of(),
                "localhost:9092", new Topics("j2o."), Duration.ofMinutes(1), 50, 3, Map.of(), JiraFlavour.CLOUD, 0,
                ExtractorConfig.DEFAULT_SEARCH_WINDOW, List.of(), -1, Duration.ofDays(8)))
                .hasMessageContaining("extractor.entities: must name at least one of")
                .hasMessageContaining("extractor.requestsPerSecond: must be 0 (no limit) up to 10000, was -1.0")
                .hasMessageContaining("extractor.metadataRefresh: must be 0..7d, was PT192H")
                .hasMessageContaining("extractor.reconcileEvery: must be 1..100000, was 0");
    }

    /** A value for each wither's component that differs from {@link #DATA_CENTER}'s and is valid alongside it. */
    private static final Map<String, Object> ANOTHER_VALUE = Map.of("flavour", JiraFlavour.CLOUD, "reconcileEvery", 3,
            "searchWindow", 500, "projects", List.of("BETA"), "entities", List.of("issues"), "requestsPerSecond", 2.5,
            "metadataRefresh", Duration.ofHours(1), "concurrency", 8, "auth", JiraAuth.PAT);

    /** Data Center, so that both signing-in schemes are valid. */
    private static final ExtractorConfig DATA_CENTER = CONFIG.withFlavour(JiraFlavour.DATA_CENTER);

    @Test
    void everyWitherChangesItsOwnComponentAndKeepsEveryOther() throws Exception {
        List<Method> withers = Arrays.stream(ExtractorConfig.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && m.getName().startsWith("with")).toList();
        assertThat(withers).as("the withers found").hasSizeGreaterThanOrEqualTo(ANOTHER_VALUE.size());
        for (Method wither : withers) {
            String changed = wither.getName().substring(4, 5).toLowerCase(Locale.ROOT) + wither.getName().substring(5);
            assertThat(ANOTHER_VALUE).as("a value to try %s with; add one", wither.getName()).containsKey(changed);
            ExtractorConfig copy = (ExtractorConfig) wither.invoke(DATA_CENTER, ANOTHER_VALUE.get(changed));
            for (RecordComponent component : ExtractorConfig.class.getRecordComponents()) {
                Object before = component.getAccessor().invoke(DATA_CENTER);
                Object after = component.getAccessor().invoke(copy);
                if (component.getName().equals(changed)) {
                    assertThat(after).as("%s sets %s", wither.getName(), changed)
                            .isEqualTo(ANOTHER_VALUE.get(changed)).isNotEqualTo(before);
                } else {
                    assertThat(after).as("%s keeps %s", wither.getName(), component.getName()).isEqualTo(before);
                }
            }
        }
    }
}
