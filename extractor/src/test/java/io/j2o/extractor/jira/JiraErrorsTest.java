package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Classification at the HTTP boundary: each answer becomes data or exactly one typed exception. */
class JiraErrorsTest {

    @Test
    void emptyOrNonJsonBodiesAreUnexpectedResponsesNotData() {
        assertThatThrownBy(() -> JiraErrors.requireJson("GET /x", 200, "application/json", ""))
                .isInstanceOf(JiraException.UnexpectedResponse.class).hasMessageContaining("empty body");
        assertThatThrownBy(() -> JiraErrors.requireJson("GET /x", 200, null, "<html>login</html>"))
                .isInstanceOf(JiraException.UnexpectedResponse.class).hasMessageContaining("not JSON");
    }

    @Test
    void searchAnswerWithoutIssuesIsNotTakenForTheLastPage() throws Exception {
        assertThatThrownBy(() -> JiraErrors.requireSearchPage("POST /s", new ObjectMapper().readTree("{\"isLast\":true}")))
                .isInstanceOf(JiraException.UnexpectedResponse.class).hasMessageContaining("'issues'");
    }

    @Test
    void statusesMapToTypesThatDecideRetries() {
        assertThat(JiraErrors.classify("c", 429, "{}", "7")).isInstanceOfSatisfying(JiraException.Unavailable.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(JiraErrors.classify("c", 503, "<html/>", null).isTransient()).isTrue();
        assertThat(JiraErrors.classify("c", 401, "{}", null)).isInstanceOf(JiraException.Unauthorized.class)
                .satisfies(e -> assertThat(e.isTransient()).isFalse());
        assertThat(JiraErrors.classify("c", 403, "{}", null)).isInstanceOf(JiraException.Unauthorized.class);
        assertThat(JiraErrors.classify("c", 400, "{\"errorMessages\":[\"bad jql\"]}", null))
                .isInstanceOf(JiraException.Rejected.class).hasMessageContaining("bad jql")
                .satisfies(e -> assertThat(e.isTransient()).isFalse());
    }
}
