package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The simulator's issues, safe for concurrent readers and writers.
 *
 * <p>Stored nodes are never changed after they are stored: a write replaces the node with an edited copy, so a
 * search can page over a snapshot without holding the lock. Old keys keep resolving after a key change, as in
 * Jira after an issue moves to another project. Every edit adds a history to the issue's changelog.
 */
final class IssueStore {

    private final Map<String, ObjectNode> byId = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();
    private final Supplier<Clock> clock;
    private final Function<Instant, String> timestamps;
    private final JiraSimulator.Flavour flavour;
    private long nextId;
    private long nextHistoryId = 900000;

    /**
     * @param timestamps writes {@code updated} the way the simulated deployment does (Cloud in UTC, DC in its zone)
     * @param flavour    whose shape the histories of edits take
     */
    IssueStore(List<ObjectNode> issues, Supplier<Clock> clock, Function<Instant, String> timestamps,
            JiraSimulator.Flavour flavour) {
        this.clock = clock;
        this.timestamps = timestamps;
        this.flavour = flavour;
        issues.forEach(this::put);
    }

    synchronized List<ObjectNode> snapshot() {
        return new ArrayList<>(byId.values());
    }

    synchronized Optional<ObjectNode> find(String idOrKey) {
        String id = byId.containsKey(idOrKey) ? idOrKey : idByKey.get(idOrKey.toUpperCase(Locale.ROOT));
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    synchronized ObjectNode put(ObjectNode raw) {
        ObjectNode issue = raw.deepCopy();
        String id = requiredText(issue, "id");
        String key = requiredText(issue, "key");
        byId.put(id, issue);
        idByKey.put(key.toUpperCase(Locale.ROOT), id);
        try {
            nextId = Math.max(nextId, Long.parseLong(id) + 1);
        } catch (NumberFormatException e) {
            // A captured payload with a non-numeric id cannot collide with the numeric ids we mint.
        }
        return issue.deepCopy();
    }

    synchronized ObjectNode update(String idOrKey, Consumer<ObjectNode> fieldsEditor) {
        ObjectNode issue = find(idOrKey)
                .orElseThrow(() -> new NoSuchElementException("no issue " + idOrKey)).deepCopy();
        ObjectNode fields = issue.withObjectProperty("fields");
        ObjectNode before = fields.deepCopy();
        fieldsEditor.accept(fields);
        String now = timestamps.apply(clock.get().instant());
        fields.put("updated", now);
        IssueChangelog.record(issue, before, fields, now, String.valueOf(nextHistoryId++), flavour);
        return put(issue);
    }

    /**
     * Edits the stored issue as a whole without moving its {@code updated} or adding a history: for changes Jira
     * makes without touching the issue, such as editing or deleting one of its worklogs.
     */
    synchronized ObjectNode edit(String idOrKey, Consumer<ObjectNode> issueEditor) {
        ObjectNode issue = find(idOrKey)
                .orElseThrow(() -> new NoSuchElementException("no issue " + idOrKey)).deepCopy();
        issueEditor.accept(issue);
        return put(issue);
    }

    synchronized boolean delete(String idOrKey) {
        Optional<ObjectNode> issue = find(idOrKey);
        issue.ifPresent(found -> {
            String id = found.get("id").asText();
            byId.remove(id);
            idByKey.values().removeIf(id::equals);
        });
        return issue.isPresent();
    }

    synchronized String mintId() {
        return String.valueOf(Math.max(nextId, 10000));
    }

    synchronized int nextNumber(String projectKey) {
        String prefix = projectKey.toUpperCase(Locale.ROOT) + "-";
        return idByKey.keySet().stream()
                .filter(key -> key.startsWith(prefix))
                .mapToInt(key -> parseNumber(key.substring(prefix.length())))
                .max().orElse(0) + 1;
    }

    private static int parseNumber(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String requiredText(ObjectNode issue, String field) {
        if (!issue.hasNonNull(field)) {
            throw new IllegalArgumentException("an issue needs '" + field + "', got " + issue);
        }
        return issue.get(field).asText();
    }
}
