package io.j2o.loader.upsert;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.markers.TextMarker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a migrated resource that OpenProject gives no field for a foreign id (a comment, a time entry) by the
 * {@link TextMarker} its {@code comment.raw} ends with.
 */
final class MarkedText {

    private static final Logger LOG = LoggerFactory.getLogger(MarkedText.class);

    private MarkedText() {
    }

    /** The resource marked with {@code jiraId}; the oldest if a failure ever left several. */
    static Optional<JsonNode> find(Iterable<JsonNode> resources, TextMarker marker, String jiraId) {
        List<JsonNode> marked = new ArrayList<>();
        resources.forEach(resource -> {
            if (isMarked(resource, marker, jiraId)) {
                marked.add(resource);
            }
        });
        if (marked.size() > 1) {
            LOG.warn("several resources carry one Jira id in their marker, using the oldest jiraId={} count={}",
                    jiraId, marked.size());
        }
        return marked.stream().min(Comparator.comparingLong(resource -> resource.path("id").asLong()));
    }

    static boolean isMarked(JsonNode resource, TextMarker marker, String jiraId) {
        return marker.idIn(raw(resource)).filter(jiraId::equals).isPresent();
    }

    static String raw(JsonNode resource) {
        return resource.path("comment").path("raw").asText("");
    }
}
