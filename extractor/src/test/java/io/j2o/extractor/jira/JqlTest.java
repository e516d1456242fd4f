package io.j2o.extractor.jira;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class JqlTest {

    @Test
    void firstRunReadsTheWholeProjectOldestFirst() {
        assertThat(Jql.issuesUpdatedSince("ALPHA", null, ZoneId.of("UTC")))
                .isEqualTo("project = \"ALPHA\" ORDER BY updated ASC, key ASC");
    }

    @Test
    void watermarkIsWrittenInTheJiraUsersTimeZoneRoundedDownToTheMinute() {
        Instant since = Instant.parse("2025-03-04T23:59:59.999Z");
        assertThat(Jql.issuesUpdatedSince("ALPHA", since, ZoneId.of("Europe/Berlin")))
                .isEqualTo("project = \"ALPHA\" AND updated >= \"2025/03/05 00:59\" ORDER BY updated ASC, key ASC");
    }

    @Test
    void aProjectKeyCannotInjectJql() {
        String jql = Jql.issuesUpdatedSince("A\" OR project = \"B", null, ZoneId.of("UTC"));
        assertThat(jql).isEqualTo("project = \"A\\\" OR project = \\\"B\" ORDER BY updated ASC, key ASC");
    }

    @Test
    void keysetWindowsContinueAfterTheLastKeyOrDrainOneMinuteByKey() {
        assertThat(Jql.issuesByKey("ALPHA", null)).isEqualTo("project = \"ALPHA\" ORDER BY key ASC");
        assertThat(Jql.issuesByKey("ALPHA", "ALPHA-1000"))
                .isEqualTo("project = \"ALPHA\" AND key > \"ALPHA-1000\" ORDER BY key ASC");
        Instant minute = Jql.minuteOf(Instant.parse("2025-03-04T23:59:59.999Z"), ZoneId.of("Asia/Kolkata"));
        assertThat(minute).isEqualTo(Instant.parse("2025-03-04T23:59:00Z"));
        assertThat(Jql.issuesUpdatedInMinute("ALPHA", minute, ZoneId.of("Asia/Kolkata"), "ALPHA-7")).isEqualTo(
                "project = \"ALPHA\" AND updated >= \"2025/03/05 05:29\" AND updated < \"2025/03/05 05:30\""
                        + " AND key > \"ALPHA-7\" ORDER BY key ASC");
    }
}
