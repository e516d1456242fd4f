package io.j2o.loader.openproject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.j2o.sandbox.openproject.OpenProjectSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenProject simulator: the loader backs off a failing host and never exceeds its request rate. */
class HostGuardTest {

    private OpenProjectSimulator openProject;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("guard")).start();
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void hostThatKeepsFailingIsNoLongerCalledUntilTheCircuitLetsAProbeThrough() {
        OpenProjectClient client = client(new HostGuard.Limits(1000, 50, Duration.ofMinutes(1)));
        openProject.failNext("/api/v3/types", 50, 503);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> client.get("/api/v3/types")).isInstanceOf(OpenProjectException.Unavailable.class);
        }
        int served = openProject.exchanges().size();

        assertThatThrownBy(() -> client.get("/api/v3/types"))
                .isInstanceOf(OpenProjectException.Unavailable.class).hasMessageContaining("circuit breaker open");
        assertThat(openProject.exchanges()).as("the open circuit kept the call from the host").hasSize(served);
        assertThat(client.guard().circuitState()).isEqualTo("OPEN");
    }

    @Test
    void refusedCommandsSayNothingAboutTheHostsHealth() {
        OpenProjectClient client = client(new HostGuard.Limits(1000, 50, Duration.ofMinutes(1)));
        for (int i = 0; i < 30; i++) {
            assertThat(client.find("/api/v3/work_packages/999")).isEmpty();
        }

        assertThat(client.guard().circuitState()).isEqualTo("CLOSED");
    }

    @Test
    void requestsBeyondTheRateWaitForTheNextPeriod() {
        OpenProjectClient client = client(new HostGuard.Limits(10, 50, Duration.ofMinutes(1)));
        long started = System.nanoTime();

        for (int i = 0; i < 25; i++) {
            client.get("/api/v3/types");
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("25 requests at 10 a second span two refreshes")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    private OpenProjectClient client(HostGuard.Limits limits) {
        return new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 1, limits);
    }
}
