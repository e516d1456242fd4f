package io.j2o.extractor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReconcileMarkTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void everyThirdPassIsDueWhenReconcilingEveryThree() {
        ReconcileMark mark = ReconcileMark.none();
        StringBuilder due = new StringBuilder();
        for (int pass = 1; pass <= 7; pass++) {
            boolean reconciling = mark.dueWithin(3);
            due.append(reconciling ? 'R' : '.');
            mark = mark.after(T0.plusSeconds(pass), reconciling);
        }

        assertThat(due).hasToString("..R..R.");
        assertThat(mark).isEqualTo(new ReconcileMark(T0.plusSeconds(6), 1));
    }

    @Test
    void reconcilingEveryPassIsAlwaysDue() {
        assertThat(ReconcileMark.none().dueWithin(1)).isTrue();
    }

    @Test
    void survivesTheStateTopicRoundTrip() {
        ReconcileMark mark = new ReconcileMark(T0, 4);

        assertThat(ReconcileMark.read("k", mark.write())).isEqualTo(mark);
        assertThat(ReconcileMark.read("k", ReconcileMark.none().write())).isEqualTo(ReconcileMark.none());
    }
}
