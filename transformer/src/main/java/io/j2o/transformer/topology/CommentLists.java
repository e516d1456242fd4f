package io.j2o.transformer.topology;

import io.j2o.transformer.rules.IssueComments;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per issue, the ids of the comments its payload listed last time: Jira has no deletion feed for comments, so a
 * comment that disappears from a complete list is how a removal shows.
 */
final class CommentLists {

    private final KeyValueStore<String, String> store;

    CommentLists(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /**
     * The ids listed last time and missing now, and remembers the current list. A truncated list proves nothing
     * about what it lacks, so it removes nothing and only adds to what is remembered; telling removals apart there
     * needs every comment fetched, which is the extractor's job.
     */
    List<String> removedSince(String issueRecordKey, IssueComments comments) {
        Set<String> previous = read(issueRecordKey);
        Set<String> current = new LinkedHashSet<>(comments.commentIds());
        if (!comments.complete()) {
            previous.addAll(current);
            remember(issueRecordKey, previous);
            return List.of();
        }
        remember(issueRecordKey, current);
        previous.removeAll(current);
        return List.copyOf(previous);
    }

    /** Drops what is remembered for an issue that is gone, returning the comment ids it had. */
    List<String> forget(String issueRecordKey) {
        List<String> ids = List.copyOf(read(issueRecordKey));
        store.delete(issueRecordKey);
        return ids;
    }

    private void remember(String issueRecordKey, Set<String> ids) {
        if (ids.isEmpty()) {
            store.delete(issueRecordKey);
        } else {
            store.put(issueRecordKey, String.join(",", ids));
        }
    }

    private Set<String> read(String issueRecordKey) {
        String value = store.get(issueRecordKey);
        return value == null ? new LinkedHashSet<>() : new LinkedHashSet<>(Arrays.asList(value.split(",")));
    }
}
