package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraFaults.ErrorBody;
import io.j2o.sandbox.jira.JiraSimulator;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client stops calling a host that keeps failing, lets it recover, never blames throttling, and spaces requests. */
class JiraClientBreakerAndRateLimitTest {

    private static final String MYSELF = "/rest/api/3/myself";

    private JiraSimulator jira;

    @BeforeEach
    void start() {
        jira = new JiraSimulator(new DatasetGenerator(5).generate(1, 3), JiraSimulator.Options.defaults()).start();
    }

    @AfterEach
    void stop() {
        jira.close();
    }

    @Test
    void aHostThatKeepsFailingIsNotCalledUntilItHadTimeToRecover() {
        JiraClient client = client(JiraHttpPolicy.of(1).withBreaker(50, Duration.ofMillis(300)));
        jira.faults().serverErrors("GET", MYSELF, JiraHttpPolicy.BREAKER_MINIMUM_CALLS, 503, ErrorBody.JIRA);
        for (int i = 0; i < JiraHttpPolicy.BREAKER_MINIMUM_CALLS; i++) {
            assertThatThrownBy(() -> client.get(MYSELF)).isInstanceOf(JiraException.Unavailable.class);
        }
        int sent = jira.requestCount();

        assertThatThrownBy(() -> client.get(MYSELF)).isInstanceOf(JiraException.CircuitOpen.class)
                .hasMessageContaining("127.0.0.1");
        assertThat(jira.requestCount()).as("an open breaker sends nothing").isEqualTo(sent);

        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(() -> client.get(MYSELF).has("timeZone"));
        for (int i = 0; i < 3; i++) {
            client.get(MYSELF);
        }
        assertThat(client.circuitState()).as("the recovered host is trusted again").isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void throttlingNeverOpensTheBreaker() {
        JiraClient client = client(JiraHttpPolicy.of(1));
        int refusals = 2 * JiraHttpPolicy.BREAKER_MINIMUM_CALLS;
        jira.faults().rateLimit("GET", MYSELF, refusals, Duration.ofMillis(1));
        for (int i = 0; i < refusals; i++) {
            assertThatThrownBy(() -> client.get(MYSELF)).isInstanceOf(JiraException.Unavailable.class);
        }
        assertThat(client.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(client.get(MYSELF).has("timeZone")).isTrue();
    }

    @Test
    void theRateLimitSpacesRequestsEvenly() {
        JiraClient client = client(JiraHttpPolicy.of(1).withRequestsPerSecond(20));
        long started = System.nanoTime();
        for (int i = 0; i < 11; i++) {
            client.get(MYSELF);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("ten gaps of 50 ms at least")
                .isGreaterThanOrEqualTo(Duration.ofMillis(450));
    }

    private JiraClient client(JiraHttpPolicy policy) {
        return new JiraClient(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), JiraClient.defaultHttp(), policy);
    }
}
