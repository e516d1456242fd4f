package io.j2o.cli.status;

import java.util.Map;

/**
 * How far one consumer group is: its state, its members, and per input topic how many records it has not yet
 * committed. Topics written in transactions carry commit markers, so their lag can read one or two above zero when
 * everything is done.
 */
record GroupProgress(String role, String groupId, String state, int members, Map<String, Long> lagByTopic) {

    long totalLag() {
        return lagByTopic.values().stream().mapToLong(Long::longValue).sum();
    }
}
