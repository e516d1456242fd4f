package io.j2o.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void readsTheIssuesExampleSpec() {
        FaultPlan plan = FaultPlan.parse("openproject:latency=20ms,5xx=0.05,409=0.02");
        assertThat(plan.byTarget()).isEqualTo(Map.of("openproject", Map.of("latency", "20ms", "5xx", "0.05", "409", "0.02")));
    }

    @Test
    void reportsEveryMistakeAtOnce() {
        assertThatThrownBy(() -> FaultPlan.parse("openproject:5xx=1.5,latency=fast,teapot=0.1;mars:5xx=0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openproject.5xx: must be a probability 0..1, was 1.5")
                .hasMessageContaining("openproject.latency: must be a duration like 20ms or 2s, was fast")
                .hasMessageContaining("'teapot=0.1' is not one of")
                .hasMessageContaining("'mars:5xx=0.1' must look like");
    }

    @Test
    void durationsInMillisecondsOrSeconds() {
        assertThat(FaultPlan.duration("20ms")).isEqualTo(Duration.ofMillis(20));
        assertThat(FaultPlan.duration("2s")).isEqualTo(Duration.ofSeconds(2));
    }
}
