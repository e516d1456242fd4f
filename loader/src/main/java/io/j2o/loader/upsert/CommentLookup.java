package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.markers.CommentMarker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds a migrated comment among a work package's activities by the {@link CommentMarker} its text ends with. */
final class CommentLookup {

    private static final Logger LOG = LoggerFactory.getLogger(CommentLookup.class);

    private CommentLookup() {
    }

    /** The activity marked with {@code jiraCommentId}; the oldest if a failure ever left several. */
    static Optional<JsonNode> find(JsonNode activities, String jiraCommentId) {
        List<JsonNode> marked = new ArrayList<>();
        activities.path("_embedded").path("elements").forEach(activity -> {
            if (isMarked(activity, jiraCommentId)) {
                marked.add(activity);
            }
        });
        if (marked.size() > 1) {
            LOG.warn("several comments carry one Jira comment id, using the oldest jiraCommentId={} count={}",
                    jiraCommentId, marked.size());
        }
        return marked.stream().min(Comparator.comparingLong(activity -> activity.path("id").asLong()));
    }

    static boolean isMarked(JsonNode activity, String jiraCommentId) {
        return CommentMarker.idIn(raw(activity)).filter(jiraCommentId::equals).isPresent();
    }

    static String raw(JsonNode activity) {
        return activity.path("comment").path("raw").asText("");
    }
}
