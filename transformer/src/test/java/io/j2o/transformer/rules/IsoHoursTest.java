package io.j2o.transformer.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoHoursTest {

    @ParameterizedTest
    @CsvSource({
            "7200, PT2H",
            "5400, PT1.5H",
            "60, PT0.0167H",
            "1, PT0.0003H",
            "0, PT0H",
            "86400, PT24H",
            "3601, PT1.0003H"})
    void secondsBecomeHoursWithAtMostFourDecimalsAndNoTrailingZeros(long seconds, String iso) {
        assertThat(IsoHours.ofSeconds(seconds)).isEqualTo(iso);
    }
}
