package io.j2o.extractor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The known issue ids as the state topic keeps them: exact round trips, small enough for one Kafka record. */
class IssueIdSetCodecTest {

    @Test
    void readsBackExactlyTheIdsItWroteNumericOrNot() {
        Set<String> ids = Set.of("10000", "10001", "10007", "99999999999", "0", "007", "not-a-number");

        assertThat(WatermarkStore.readIds("k", WatermarkStore.writeIds(ids))).isEqualTo(ids);
        assertThat(WatermarkStore.readIds("k", WatermarkStore.writeIds(Set.of()))).isEmpty();
    }

    @Test
    void aHundredThousandIdsOfOneProjectFitWellInsideKafkasDefaultRecordLimit() {
        Random random = new Random(1);
        Set<String> ids = new HashSet<>();
        // A third of a site's ids, interleaved with two other projects' ids, as generated sites and real ones are.
        for (long id = 10_000; ids.size() < 100_000; id++) {
            if (random.nextInt(3) == 0) {
                ids.add(Long.toString(id));
            }
        }
        String record = WatermarkStore.writeIds(ids);

        assertThat(record.length()).isLessThan(300_000);
        assertThat(WatermarkStore.readIds("k", record)).isEqualTo(ids);
    }

    @Test
    void aTruncatedRecordIsRefusedRatherThanReadAsFewerIds() {
        String record = WatermarkStore.writeIds(Set.of("10000", "10001", "10002"));
        String truncated = record.replace("\"count\":3", "\"count\":4");

        assertThatThrownBy(() -> WatermarkStore.readIds("site:issue-ids:A", truncated))
                .hasMessageContaining("site:issue-ids:A").hasMessageContaining("unreadable");
    }
}
