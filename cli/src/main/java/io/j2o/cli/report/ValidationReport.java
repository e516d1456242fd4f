package io.j2o.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * What a migration left in OpenProject compared with Jira: counts per kind on both sides, and every key that is
 * missing, duplicated or different.
 */
public record ValidationReport(List<KindReport> kinds, List<Parked> parked, List<Waiting> waiting) {

    public static final String PROJECTS = "projects";
    public static final String WORK_PACKAGES = "workPackages";
    public static final String COMMENTS = "comments";
    public static final String USERS = "users";
    public static final String GROUPS = "groups";
    public static final String VERSIONS = "versions";
    public static final String MEMBERSHIPS = "memberships";
    public static final String RELATIONS = "relations";
    public static final String TIME_ENTRIES = "timeEntries";
    public static final String ATTACHMENTS = "attachments";
    public static final String WATCHERS = "watchers";

    /** One field of one entity that differs: {@code key} names the entity; {@code comments} covers all of an issue's. */
    public record Mismatch(String key, String field) {
    }

    /** An entity not in OpenProject because it waits in the dead-letter topic, with the reason it was parked. */
    public record Parked(String key, String stage, String category, String reason) {
    }

    /** An entity not in OpenProject yet because a reference it needs has not been loaded. */
    public record Waiting(String key, String waitingFor) {
    }

    public ValidationReport {
        kinds = List.copyOf(kinds);
        waiting = List.copyOf(waiting);
        parked = List.copyOf(parked);
    }

    /** The report of one kind ({@link #USERS}, ...); an empty one when it was not compared. */
    public KindReport kind(String name) {
        return kinds.stream().filter(k -> k.kind().equals(name)).findFirst()
                .orElse(new KindReport(name, 0, 0, List.of(), List.of(), List.of()));
    }

    public int jiraProjects() {
        return kind(PROJECTS).jira();
    }

    public int jiraIssues() {
        return kind(WORK_PACKAGES).jira();
    }

    public int jiraComments() {
        return kind(COMMENTS).jira();
    }

    public int openProjectProjects() {
        return kind(PROJECTS).openProject();
    }

    public int openProjectWorkPackages() {
        return kind(WORK_PACKAGES).openProject();
    }

    public int openProjectComments() {
        return kind(COMMENTS).openProject();
    }

    /** Every kind's missing keys. */
    public List<String> missing() {
        return all(KindReport::missing);
    }

    public List<String> duplicates() {
        return all(KindReport::duplicates);
    }

    public List<Mismatch> mismatched() {
        return all(KindReport::mismatched);
    }

    private <T> List<T> all(Function<KindReport, List<T>> list) {
        return kinds.stream().flatMap(kind -> list.apply(kind).stream()).toList();
    }

    /** Nothing missing, duplicated or different; parked and waiting entities are accounted for, with their reasons. */
    public boolean isClean() {
        return kinds.stream().allMatch(KindReport::isClean);
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
        root.putObject("jira").put("projects", jiraProjects()).put("issues", jiraIssues()).put("comments", jiraComments());
        root.putObject("openproject").put("projects", openProjectProjects()).put("workPackages", openProjectWorkPackages())
                .put("comments", openProjectComments()).put("writes", writes);
        ObjectNode kindsJson = root.putObject("kinds");
        kinds.forEach(kind -> {
            ObjectNode json = kindsJson.putObject(kind.kind()).put("jira", kind.jira()).put("openproject", kind.openProject());
            kind.missing().forEach(json.putArray("missing")::add);
            kind.duplicates().forEach(json.putArray("duplicates")::add);
            var mismatches = json.putArray("mismatched");
            kind.mismatched().forEach(m -> mismatches.addObject().put("key", m.key()).put("field", m.field()));
        });
        missing().forEach(root.putArray("missing")::add);
        duplicates().forEach(root.putArray("duplicates")::add);
        var mismatches = root.putArray("mismatched");
        mismatched().forEach(m -> mismatches.addObject().put("key", m.key()).put("field", m.field()));
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
