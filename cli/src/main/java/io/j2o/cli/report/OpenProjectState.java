package io.j2o.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What OpenProject holds, as API v3 renders it (HAL JSON); {@code activities} are the work packages' journals as
 * {@code GET /api/v3/work_packages/{id}/activities} lists them, {@code watchers} are {@code {_links:{workPackage, user}}}
 * pairs.
 */
public record OpenProjectState(List<? extends JsonNode> projects, List<? extends JsonNode> workPackages,
                               List<? extends JsonNode> activities, List<? extends JsonNode> users,
                               List<? extends JsonNode> versions, List<? extends JsonNode> memberships,
                               List<? extends JsonNode> relations, List<? extends JsonNode> timeEntries,
                               List<? extends JsonNode> attachments, List<? extends JsonNode> watchers,
                               List<? extends JsonNode> groups) {

    public OpenProjectState {
        projects = List.copyOf(projects);
        workPackages = List.copyOf(workPackages);
        activities = List.copyOf(activities);
        users = List.copyOf(users);
        versions = List.copyOf(versions);
        memberships = List.copyOf(memberships);
        relations = List.copyOf(relations);
        timeEntries = List.copyOf(timeEntries);
        attachments = List.copyOf(attachments);
        watchers = List.copyOf(watchers);
        groups = List.copyOf(groups);
    }

    /** Projects and work packages only, for callers that compare nothing else. */
    public static OpenProjectState of(List<? extends JsonNode> projects, List<? extends JsonNode> workPackages,
                                      List<? extends JsonNode> activities) {
        return new OpenProjectState(projects, workPackages, activities, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }
}
