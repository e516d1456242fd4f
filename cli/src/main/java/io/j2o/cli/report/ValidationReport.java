package io.j2o.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a migration left in OpenProject compared with Jira: counts per kind on both sides, and every key that is
 * missing, duplicated or different.
 */
public record ValidationReport(
        int jiraProjects,
        int jiraIssues,
        int jiraComments,
        int openProjectProjects,
        int openProjectWorkPackages,
        int openProjectComments,
        List<String> missing,
        List<String> duplicates,
        List<Mismatch> mismatched,
        List<Parked> parked,
        List<Waiting> waiting) {

    /** One field of one entity that differs: {@code key} is the Jira key; {@code comments} covers all of an issue's. */
    public record Mismatch(String key, String field) {
    }

    /** An entity not in OpenProject because it waits in the dead-letter topic, with the reason it was parked. */
    public record Parked(String key, String stage, String category, String reason) {
    }

    /** An entity not in OpenProject yet because a reference it needs has not been loaded. */
    public record Waiting(String key, String waitingFor) {
    }

    public ValidationReport {
        waiting = List.copyOf(waiting);
        missing = List.copyOf(missing);
        duplicates = List.copyOf(duplicates);
        mismatched = List.copyOf(mismatched);
        parked = List.copyOf(parked);
    }

    /** Nothing missing, duplicated or different; parked and waiting entities are accounted for, with their reasons. */
    public boolean isClean() {
        return missing.isEmpty() && duplicates.isEmpty() && mismatched.isEmpty();
    }

    /**
     * The report file's JSON.
     *
     * @param writes       every write OpenProject received
     * @param resyncEvents events re-published by the resync pass (0 when none ran)
     * @param resyncWrites writes the resync caused (must be 0)
     */
    public ObjectNode toJson(ObjectMapper mapper, long writes, long resyncEvents, long resyncWrites, double seconds) {
        ObjectNode root = mapper.createObjectNode();
        root.putObject("jira").put("projects", jiraProjects).put("issues", jiraIssues).put("comments", jiraComments);
        root.putObject("openproject").put("projects", openProjectProjects).put("workPackages", openProjectWorkPackages)
                .put("comments", openProjectComments).put("writes", writes);
        missing.forEach(root.putArray("missing")::add);
        duplicates.forEach(root.putArray("duplicates")::add);
        var mismatches = root.putArray("mismatched");
        mismatched.forEach(m -> mismatches.addObject().put("key", m.key()).put("field", m.field()));
        var parkedArray = root.putArray("parked");
        parked.forEach(p -> parkedArray.addObject().put("key", p.key()).put("stage", p.stage()).put("category", p.category())
                .put("reason", p.reason()));
        var waitingArray = root.putArray("waiting");
        waiting.forEach(w -> waitingArray.addObject().put("key", w.key()).put("waitingFor", w.waitingFor()));
        root.putObject("resync").put("events", resyncEvents).put("writes", resyncWrites);
        root.put("seconds", Math.round(seconds * 10) / 10.0);
        return root;
    }
}
