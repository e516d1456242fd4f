package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.schemas.markers.CommentMarker;
import io.j2o.transformer.resolve.SoftReferences;
import io.j2o.transformer.rules.CommandDraft;
import io.j2o.transformer.rules.IssueChildren;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The comments OpenProject holds, per work package: every activity with a comment text, except the tombstones
 * that stand in for comments removed from Jira (API v3 cannot delete a comment).
 */
final class WorkPackageComments {

    private final Map<String, List<String>> textsByWorkPackage;

    WorkPackageComments(List<? extends JsonNode> activities) {
        this.textsByWorkPackage = activities.stream()
                .filter(activity -> !raw(activity).isEmpty() && !CommentMarker.isTombstone(raw(activity)))
                .collect(Collectors.groupingBy(activity -> activity.path("_links").path("workPackage").path("href").asText(),
                        Collectors.mapping(WorkPackageComments::raw, Collectors.toList())));
    }

    int count() {
        return textsByWorkPackage.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Whether the work package holds each expected comment exactly once with the expected text (issue keys, mentions
     * and images rendered as the migrated entities {@code openProjectIdOf} knows), and, when Jira listed all of the
     * issue's comments, nothing else.
     */
    boolean match(String workPackageHref, IssueChildren expected, Function<String, Optional<Long>> openProjectIdOf) {
        List<String> texts = textsByWorkPackage.getOrDefault(workPackageHref, List.of());
        Map<String, List<String>> byMarker = texts.stream()
                .collect(Collectors.groupingBy(text -> CommentMarker.idIn(text).orElse("")));
        for (CommandDraft comment : expected.upserts()) {
            List<String> found = byMarker.getOrDefault(comment.jiraId(), List.of());
            String text = SoftReferences.expected(comment.body(), openProjectIdOf).path("comment").path("raw").asText();
            if (found.size() != 1 || !found.get(0).equals(text)) {
                return false;
            }
        }
        return !expected.complete() || texts.size() == expected.upserts().size();
    }

    private static String raw(JsonNode activity) {
        return activity.path("comment").path("raw").asText("");
    }
}
