package io.j2o.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.jira.JiraSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Edits the Jira simulator the way its users do while a migration runs: a summary, a description or a status here,
 * a new issue there. Seeded, so the same seed draws the same sequence of edits. Deletions are left out until the
 * extractor reconciles deleted issues. Not thread-safe: one thread applies the edits.
 */
final class JiraMutator {

    /** What an edit changed. */
    enum Kind { SUMMARY, DESCRIPTION, STATUS, CREATE }

    /**
     * One applied edit.
     *
     * @param issue     the issue as Jira stored it by the edit: what OpenProject must come to show
     * @param atNanos   {@link System#nanoTime()} when Jira had stored it
     */
    record Edit(int number, Kind kind, String key, ObjectNode issue, long atNanos) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JiraSimulator jira;
    private final Random random;
    private final List<JsonNode> statuses;
    private final List<String> projectKeys;
    /** Every issue's key, created ones appended: listing the simulator's issues per edit would copy them all. */
    private final List<String> keys = new ArrayList<>();
    private int edits;

    JiraMutator(JiraSimulator jira, long seed) {
        this.jira = jira;
        this.random = new Random(seed);
        Map<String, JsonNode> statusesByName = new LinkedHashMap<>();
        Set<String> projects = new LinkedHashSet<>();
        for (ObjectNode issue : jira.issues()) {
            JsonNode status = issue.path("fields").path("status");
            statusesByName.putIfAbsent(status.path("name").asText(), status.deepCopy());
            projects.add(issue.path("fields").path("project").path("key").asText());
            keys.add(issue.path("key").asText());
        }
        if (statusesByName.size() < 2 || projects.isEmpty()) {
            throw new IllegalArgumentException("editing needs issues in at least two statuses, has " + statusesByName.keySet());
        }
        this.statuses = List.copyOf(statusesByName.values());
        this.projectKeys = List.copyOf(projects);
    }

    /**
     * Applies the next edit: 40 % a summary, 15 % a description, 30 % a status, 15 % a new issue.
     *
     * @param avoid keys not to edit, e.g. those whose last edit has not yet arrived, so each edit stays observable
     */
    Edit next(Set<String> avoid) {
        int number = ++edits;
        int draw = random.nextInt(100);
        if (draw >= 85) {
            String projectKey = projectKeys.get(random.nextInt(projectKeys.size()));
            ObjectNode created = jira.createIssue(projectKey, "Raised during the migration (edit " + number + ")");
            keys.add(created.path("key").asText());
            return new Edit(number, Kind.CREATE, created.path("key").asText(), created, System.nanoTime());
        }
        String key = pickKey(avoid);
        ObjectNode edited;
        Kind kind;
        if (draw < 40) {
            kind = Kind.SUMMARY;
            edited = jira.updateIssue(key, fields -> fields.put("summary", "Renamed during the migration (edit " + number + ")"));
        } else if (draw < 55) {
            kind = Kind.DESCRIPTION;
            edited = jira.updateIssue(key, fields -> fields.set("description", paragraph(
                    "Description rewritten during the migration, edit " + number + ".")));
        } else {
            kind = Kind.STATUS;
            int offset = 1 + random.nextInt(statuses.size() - 1);
            edited = jira.updateIssue(key, fields -> {
                int current = indexOfStatus(fields.path("status").path("name").asText());
                fields.set("status", statuses.get((current + offset) % statuses.size()).deepCopy());
            });
        }
        return new Edit(number, kind, key, edited, System.nanoTime());
    }

    /** A random issue not in {@code avoid}; the draw is seeded, the walk past avoided keys deterministic. */
    private String pickKey(Set<String> avoid) {
        int start = random.nextInt(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get((start + i) % keys.size());
            if (!avoid.contains(key)) {
                return key;
            }
        }
        throw new IllegalStateException("every issue is waiting for an earlier edit to arrive");
    }

    private int indexOfStatus(String name) {
        for (int i = 0; i < statuses.size(); i++) {
            if (statuses.get(i).path("name").asText().equals(name)) {
                return i;
            }
        }
        // A status the site gained later: any status of the pool is a change.
        return statuses.size() - 1;
    }

    private static ObjectNode paragraph(String text) {
        ObjectNode doc = NODES.objectNode().put("type", "doc").put("version", 1);
        doc.putArray("content").addObject().put("type", "paragraph")
                .putArray("content").addObject().put("type", "text").put("text", text);
        return doc;
    }
}
