package io.j2o.schemas.markers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextMarkerTest {

    @Test
    void a_worklog_marker_is_found_again_and_is_not_taken_for_a_comment_marker() {
        String raw = TextMarker.WORKLOG.append("Fixed the build", "10042");

        assertThat(raw).isEqualTo("Fixed the build\n\n[j2o:worklog:10042]");
        assertThat(TextMarker.WORKLOG.idIn(raw)).contains("10042");
        assertThat(TextMarker.COMMENT.idIn(raw)).isEmpty();
    }

    @Test
    void an_attachment_marker_closes_its_description_and_is_no_worklog_marker() {
        String raw = TextMarker.ATTACHMENT.append("Originally attached by Ann in Jira", "10100");

        assertThat(raw).isEqualTo("Originally attached by Ann in Jira\n\n[j2o:attachment:10100]");
        assertThat(TextMarker.ATTACHMENT.idIn(raw)).contains("10100");
        assertThat(TextMarker.WORKLOG.idIn(raw)).isEmpty();
    }

    @Test
    void only_a_marker_on_the_last_line_counts() {
        String typedByAUser = "[j2o:worklog:1]\n\nand more text";

        assertThat(TextMarker.WORKLOG.idIn(typedByAUser)).isEmpty();
    }

    @Test
    void an_id_that_could_break_the_html_comment_is_refused() {
        assertThatThrownBy(() -> TextMarker.COMMENT.of("1 --><script>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("comment");
    }
}
