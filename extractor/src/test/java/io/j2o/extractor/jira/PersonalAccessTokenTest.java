package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.j2o.extractor.ExtractorConfig;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A Data Center Personal Access Token is sent as a Bearer token instead of Basic credentials, and never shown. */
class PersonalAccessTokenTest {

    private static final ExtractorConfig BASIC = new ExtractorConfig("http://127.0.0.1:1", "j2o", "secret-pat-value", "site",
            List.of(), "localhost:9092", new Topics("j2o."), Duration.ofMinutes(1), 50, 1, Map.of());

    @Test
    void aDataCenterExtractorReadsWithItsPersonalAccessTokenAndAWrongOneIsRefused() {
        try (JiraSimulator jira = new JiraSimulator(new DatasetGenerator(5).generate(1, 3), JiraSimulator.Options.dataCenter()).start()) {
            ExtractorConfig pat = config(jira, jira.options().apiToken());
            assertThat(pat.auth()).isEqualTo(JiraAuth.PAT);
            assertThat(pat.jiraClient().get("/rest/api/2/myself").path("name").asText()).isEqualTo(jira.options().email());

            assertThatThrownBy(() -> config(jira, "not-the-token").jiraClient().get("/rest/api/2/myself"))
                    .isInstanceOf(JiraException.Unauthorized.class)
                    .hasMessageNotContaining("not-the-token");
        }
    }

    @Test
    void aPersonalAccessTokenNeedsNoEmailIsRefusedForCloudAndIsMaskedWhenPrinted() {
        ExtractorConfig pat = new ExtractorConfig(BASIC.jiraUrl(), null, "secret-pat-value", "site", List.of(), "localhost:9092",
                BASIC.topics(), Duration.ofMinutes(1), 50, 1, Map.of(), JiraFlavour.DATA_CENTER, 10, 10_000, null, 0,
                Duration.ZERO, JiraAuth.PAT);
        assertThat(pat.toString()).doesNotContain("secret-pat-value").contains("auth=pat");
        assertThat(pat.withEntities(List.of("issues")).auth()).as("kept by the withers").isEqualTo(JiraAuth.PAT);
        assertThatThrownBy(() -> pat.withFlavour(JiraFlavour.CLOUD))
                .hasMessageContaining("jira.auth: pat (a Personal Access Token) is for Data Center")
                .hasMessageNotContaining("secret-pat-value");
        assertThatThrownBy(() -> BASIC.withAuth(JiraAuth.BASIC).withFlavour(JiraFlavour.DATA_CENTER).withAuth(JiraAuth.PAT)
                .withFlavour(JiraFlavour.CLOUD)).as("Basic needs the email, a PAT does not; neither is Cloud's")
                .hasMessageContaining("jira.auth: pat");
        assertThat(JiraAuth.named(" PAT")).contains(JiraAuth.PAT);
        assertThat(JiraAuth.PAT.header("ignored", "t0ken")).isEqualTo("Bearer t0ken");
    }

    private static ExtractorConfig config(JiraSimulator jira, String token) {
        return new ExtractorConfig(jira.baseUrl(), null, token, "site", List.of(), "localhost:9092", BASIC.topics(),
                Duration.ofMinutes(1), 50, 1, Map.of(), JiraFlavour.DATA_CENTER, 10, 10_000, null, 0, Duration.ZERO,
                JiraAuth.PAT);
    }
}
