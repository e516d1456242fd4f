package io.j2o.extractor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssueDigestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void keepsTheWorklogIdsAndWatchCountOfAnIssuePayload() throws Exception {
        IssueDigest digest = IssueDigest.of(JSON.readTree("""
                {"id":"20004","key":"ALPHA-5","fields":{"summary":"s","watches":{"watchCount":3,"isWatching":false},
                 "worklog":{"total":2,"worklogs":[{"id":"200011","timeSpentSeconds":60},{"id":"200012"}]}}}"""));

        assertThat(digest).isEqualTo(new IssueDigest("20004", 3, List.of("200011", "200012")));
        assertThat(IssueDigest.read("20004", digest.write())).isEqualTo(digest);
    }

    @Test
    void anIssueWithoutWatchesOrWorklogsReadsBackAsSuch() throws Exception {
        IssueDigest digest = IssueDigest.of(JSON.readTree("{\"id\":\"7\",\"fields\":{}}"));

        assertThat(digest).isEqualTo(new IssueDigest("7", null, List.of()));
        assertThat(IssueDigest.read("7", digest.write())).isEqualTo(digest);
    }

    @Test
    void aDigestIsSmallBesideThePayloadItStandsFor() {
        IssueDigest digest = new IssueDigest("14405860", 12, List.of("300001", "300002", "300003", "300004", "300005"));

        assertThat(digest.write()).hasSizeLessThan(80);
    }

    @Test
    void anUnreadableDigestIsRefusedWithItsIssue() {
        assertThatThrownBy(() -> IssueDigest.read("42", "{not json")).hasMessageContaining("issue 42");
    }
}
