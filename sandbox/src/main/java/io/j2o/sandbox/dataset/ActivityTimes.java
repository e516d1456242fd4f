package io.j2o.sandbox.dataset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When the activities of an issue (comments, worklogs) happened: each after the creation and at the latest at
 * its {@code updated}, since adding one moves {@code updated}; the last one made that update.
 */
final class ActivityTimes {

    private ActivityTimes() {
    }

    /** {@code count} times, oldest first; none when the issue was never touched after its creation. */
    static List<Instant> between(Random random, int count, Instant created, Instant updated) {
        long span = Duration.between(created, updated).toMillis();
        List<Long> offsets = new ArrayList<>();
        for (int i = 0; span > 0 && i < count; i++) {
            offsets.add(i == count - 1 ? span : 1 + (long) (random.nextDouble() * (span - 1)));
        }
        offsets.sort(null);
        return offsets.stream().map(created::plusMillis).toList();
    }

    /** A moment between {@code from} and {@code to}, for an edit made after the activity. */
    static Instant editedBetween(Random random, Instant from, Instant to) {
        return from.plusMillis((long) (random.nextDouble() * Duration.between(from, to).toMillis()));
    }
}
