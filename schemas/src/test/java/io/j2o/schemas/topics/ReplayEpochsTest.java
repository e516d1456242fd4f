package io.j2o.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.j2o.schemas.avro.JiraEntityType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplayEpochsTest {

    @Test
    void an_event_starts_at_epoch_zero() {
        assertThat(ReplayEpochs.none().epochOf(JiraEntityType.ISSUE, "PROJ")).isZero();
    }

    @Test
    void bumping_a_kind_changes_every_project_of_that_kind_and_no_other_kind() {
        ReplayEpochs epochs = ReplayEpochs.none().bumped(List.of(ReplayEpochs.scope(JiraEntityType.ISSUE, null)));

        assertThat(epochs.epochOf(JiraEntityType.ISSUE, "PROJ")).isEqualTo(1);
        assertThat(epochs.epochOf(JiraEntityType.ISSUE, null)).isEqualTo(1);
        assertThat(epochs.epochOf(JiraEntityType.PROJECT, "PROJ")).isZero();
    }

    @Test
    void bumping_one_project_leaves_the_other_projects_alone() {
        ReplayEpochs epochs = ReplayEpochs.none().bumped(List.of(ReplayEpochs.scope(JiraEntityType.ISSUE, "proj")));

        assertThat(epochs.byScope()).isEqualTo(Map.of("issue:PROJ", 1));
        assertThat(epochs.epochOf(JiraEntityType.ISSUE, "PROJ")).isEqualTo(1);
        assertThat(epochs.epochOf(JiraEntityType.ISSUE, "OPS")).isZero();
    }

    @Test
    void a_kind_bump_after_a_project_bump_still_changes_that_project() {
        ReplayEpochs once = ReplayEpochs.none().bumped(List.of("issue:PROJ"));
        ReplayEpochs twice = once.bumped(List.of("issue"));

        assertThat(twice.epochOf(JiraEntityType.ISSUE, "PROJ")).isNotEqualTo(once.epochOf(JiraEntityType.ISSUE, "PROJ"));
    }
}
