package io.j2o.extractor.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatermarkTest {

    private static final Duration LOOKBACK = Duration.ofMinutes(1);

    @Test
    void noWatermarkMeansReadEverything() {
        assertThat(Watermark.none().queryFrom(LOOKBACK)).isNull();
    }

    @Test
    void advancesToTheNewestPublishedUpdateAndQueriesFromBeforeIt() {
        Watermark next = Watermark.none().advance(Map.of(
                "1", Instant.parse("2025-03-04T10:00:00Z"),
                "2", Instant.parse("2025-03-04T10:05:30Z")), LOOKBACK);

        assertThat(next.updatedAt()).isEqualTo(Instant.parse("2025-03-04T10:05:30Z"));
        assertThat(next.queryFrom(LOOKBACK)).isEqualTo(Instant.parse("2025-03-04T10:04:30Z"));
    }

    @Test
    void rememberedBoundaryIssuesAreNotPublishedAgainUnlessTheyChanged() {
        Instant at = Instant.parse("2025-03-04T10:05:30Z");
        Watermark next = Watermark.none().advance(Map.of("2", at, "1", Instant.parse("2025-03-01T00:00:00Z")), LOOKBACK);

        assertThat(next.alreadyPublished("2", at)).isTrue();
        assertThat(next.alreadyPublished("2", at.plusSeconds(1))).as("edited again later").isFalse();
        assertThat(next.boundary()).as("issues far behind the look-back window are forgotten").containsOnlyKeys("2");
    }

    @Test
    void survivesTheStateTopicRoundTrip() {
        Watermark watermark = Watermark.none().advance(Map.of("7", Instant.parse("2025-03-04T10:05:30.123Z")), LOOKBACK);
        assertThat(WatermarkStore.read("k", WatermarkStore.write(watermark))).isEqualTo(watermark);
    }
}
