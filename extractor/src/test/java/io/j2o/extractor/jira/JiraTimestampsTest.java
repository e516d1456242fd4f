package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class JiraTimestampsTest {

    private static final Instant NINE_UTC = Instant.parse("2024-01-02T09:11:12.123Z");

    @Test
    void readsEveryOffsetStyleJiraSitesWrite() {
        assertThat(JiraTimestamps.parse("2024-01-02T09:11:12.123+0000")).contains(NINE_UTC);
        assertThat(JiraTimestamps.parse("2024-01-02T10:11:12.123+0100")).as("Data Center, server zone").contains(NINE_UTC);
        assertThat(JiraTimestamps.parse("2024-01-02T01:11:12.123-0800")).contains(NINE_UTC);
        assertThat(JiraTimestamps.parse("2024-01-02T10:11:12.123+01:00")).contains(NINE_UTC);
        assertThat(JiraTimestamps.parse("2024-01-02T09:11:12.123Z")).contains(NINE_UTC);
        assertThat(JiraTimestamps.parse("2024-01-02T09:11:12Z")).contains(Instant.parse("2024-01-02T09:11:12Z"));
    }

    @Test
    void missingOrForeignTextIsEmptyNotAnError() {
        assertThat(JiraTimestamps.parse(null)).isEmpty();
        assertThat(JiraTimestamps.parse("")).isEmpty();
        assertThat(JiraTimestamps.parse("02/Jan/24 10:11 AM")).as("a rendered date").isEmpty();
        assertThat(JiraTimestamps.parse("2024-01-02T09:11:12")).as("no offset: ambiguous").isEmpty();
    }
}
