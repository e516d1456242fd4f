package io.j2o.schemas.markers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommentMarkerTest {

    @Test
    void markerAppendedToTextIsFoundAgain() {
        String raw = CommentMarker.append("_Originally by Ann on 2025-03-04T10:11:12Z in Jira_\n\nLooks good.\n", "10042");

        assertThat(raw).endsWith("Looks good.\n\n<!-- j2o:comment:10042 -->");
        assertThat(CommentMarker.idIn(raw)).contains("10042");
        assertThat(CommentMarker.idIn(raw + "\n")).as("OpenProject may add a line end").contains("10042");
    }

    @Test
    void markerTypedInsideTheTextDoesNotCount() {
        assertThat(CommentMarker.idIn("see <!-- j2o:comment:7 --> here")).isEmpty();
        assertThat(CommentMarker.idIn(CommentMarker.append("<!-- j2o:comment:7 -->", "8"))).contains("8");
        assertThat(CommentMarker.idIn(null)).isEmpty();
    }

    @Test
    void tombstoneKeepsTheMarkerAndIsRecognised() {
        String tombstone = CommentMarker.tombstone("10042");

        assertThat(CommentMarker.isTombstone(tombstone)).isTrue();
        assertThat(CommentMarker.idIn(tombstone)).contains("10042");
        assertThat(CommentMarker.isTombstone(CommentMarker.append("ordinary text", "10042"))).isFalse();
    }
}
