package io.j2o.transformer;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

class TransformerCountersTest {

    private static final TaskId TASK = new TaskId(1, 0);
    private static final TaskId OTHER_TASK = new TaskId(1, 1);

    @Test
    void waitingAfterATaskStartsAgainIsWhatItsStoreHoldsNotWhatAnAbortedRunCounted() {
        TransformerCounters counters = new TransformerCounters();
        counters.countWaitingHeld(TASK, 0);
        counters.countWaitingHeld(OTHER_TASK, 1);
        counters.countParked(TASK);
        counters.countParked(TASK);

        // The run's transaction is aborted: the restored store holds only the first command.
        counters.countWaitingHeld(TASK, 1);
        assertThat(counters.waiting()).isEqualTo(2);

        counters.countReleased(TASK);
        counters.forgetWaiting(OTHER_TASK);
        assertThat(counters.waiting()).as("the other task moved to another instance").isZero();
    }
}
