package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.j2o.extractor.ExtractorConfig;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraFaults.ErrorBody;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.http.RecordedRequest;
import java.time.Duration;
import java.util.List;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The client against the simulator's faults: what it retries, how long it waits, and what it refuses to retry. */
class JiraClientResilienceTest {

    private static final String SEARCH = "/rest/api/3/search/jql";
    private static final String JQL = "project = \"ALPHA\" ORDER BY updated ASC, key ASC";
    private static final int ALPHA_ISSUES_CAP = 100;

    private JiraSimulator jira;
    private ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() {
        jira = new JiraSimulator(new DatasetGenerator(5).generate(2, 30), JiraSimulator.Options.defaults()).start();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        jira.close();
    }

    @Test
    void rateLimitBurstIsWaitedOutAsRetryAfterSays() {
        jira.faults().rateLimit("POST", SEARCH, 2, Duration.ofSeconds(1));
        long started = System.nanoTime();

        JiraSearchPage page = cloud(5).searchPage(JQL, List.of("summary"), ALPHA_ISSUES_CAP, null);

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(page.issues()).isNotEmpty();
        List<RecordedRequest> searches = searches();
        assertThat(searches).as("two refusals and one answer").hasSize(3);
        for (int i = 1; i < searches.size(); i++) {
            assertThat(Duration.between(searches.get(i - 1).receivedAt(), searches.get(i).receivedAt()))
                    .as("pause before attempt %d", i + 1).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorBurstIsRetriedWithBackoffUntilJiraAnswers() {
        jira.faults().serverErrors("POST", SEARCH, 2, 503, ErrorBody.JIRA)
                .serverErrors("POST", SEARCH, 1, 500, ErrorBody.JIRA)
                .serverErrors("POST", SEARCH, 1, 502, ErrorBody.PROXY);

        assertThat(cloud(5).searchPage(JQL, List.of("summary"), ALPHA_ISSUES_CAP, null).issues()).isNotEmpty();

        List<RecordedRequest> searches = searches();
        assertThat(searches).hasSize(5);
        for (int i = 1; i < searches.size(); i++) {
            // 200 ms doubling, randomised by ±50 %: never less than 100 ms.
            assertThat(Duration.between(searches.get(i - 1).receivedAt(), searches.get(i).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(100));
        }
        assertThat(retryWarnings()).hasSize(4);
    }

    @Test
    void serverErrorsBeyondTheAttemptBudgetFailWithTheLastStatus() {
        jira.faults().serverErrors("POST", SEARCH, 10, 502, ErrorBody.PROXY);

        assertThatThrownBy(() -> cloud(3).searchPage(JQL, List.of("summary"), 10, null))
                .isInstanceOf(JiraException.Unavailable.class)
                .hasMessageContaining("502")
                .extracting(e -> ((JiraException) e).status()).isEqualTo(502);
        assertThat(searches()).hasSize(3);
    }

    @Test
    void htmlPageWithStatus200IsNeverTakenForData() {
        jira.faults().htmlPage("POST", SEARCH, 10, 200);

        assertThatThrownBy(() -> cloud(2).searchPage(JQL, List.of("summary"), 10, null))
                .isInstanceOf(JiraException.UnexpectedResponse.class)
                .hasMessageContaining("text/html")
                .hasMessageContaining("maintenance");
        assertThat(searches()).as("retried like an outage").hasSize(2);
    }

    @Test
    void htmlPageThatPassesIsFollowedByTheRealAnswer() {
        jira.faults().htmlPage("POST", SEARCH, 1, 502);
        assertThat(cloud(3).searchPage(JQL, List.of("summary"), ALPHA_ISSUES_CAP, null).issues()).isNotEmpty();
        assertThat(searches()).hasSize(2);
    }

    @Test
    void droppedConnectionIsRetried() {
        jira.faults().dropConnection("POST", SEARCH, 2);
        assertThat(cloud(4).searchPage(JQL, List.of("summary"), ALPHA_ISSUES_CAP, null).issues()).isNotEmpty();
        assertThat(searches()).as("OkHttp does not retry behind our back").hasSize(3);
    }

    @Test
    void wrongCredentialsStopAtOnceWithAClearMessageAndNoSecret() {
        String token = "ATATT3xFfGF0-very-secret-token";
        CloudJiraApi cloud = new CloudJiraApi(new JiraClient(jira.baseUrl(), jira.options().email(), token,
                JiraClient.defaultHttp(), 5), ExtractorConfig.DEFAULT_CONCURRENCY);

        assertThatThrownBy(cloud::myself)
                .isInstanceOf(JiraException.Unauthorized.class)
                .hasMessageContaining("401")
                .hasMessageContaining("check jira.email and jira.apiToken")
                .satisfies(e -> assertThat(e.toString()).doesNotContain(token)
                        .doesNotContain(Credentials.basic(jira.options().email(), token).substring(6)));
        assertThat(jira.requests()).as("no retry").hasSize(1);
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage()).doesNotContain(token));
    }

    private CloudJiraApi cloud(int maxAttempts) {
        return new CloudJiraApi(new JiraClient(jira.baseUrl(), jira.options().email(), jira.options().apiToken(),
                JiraClient.defaultHttp(), maxAttempts), ExtractorConfig.DEFAULT_CONCURRENCY);
    }

    private List<RecordedRequest> searches() {
        return jira.requests().stream().filter(request -> request.path().equals(SEARCH)).toList();
    }

    private List<String> retryWarnings() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.startsWith("Jira call failed, retrying")).toList();
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
