package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDataset;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the routes share: the site's reference data, its issues, the options and the simulator's clock. */
final class SimulatedSite {

    private final JiraDataset dataset;
    private final IssueStore issues;
    private final JiraSimulator.Options options;
    private volatile Clock clock;

    SimulatedSite(JiraDataset dataset, JiraSimulator.Options options, Clock clock) {
        this.dataset = dataset.deepCopy();
        this.options = options;
        this.clock = clock;
        this.issues = new IssueStore(this.dataset.issues(), this::clock);
    }

    JiraDataset dataset() {
        return dataset;
    }

    IssueStore issues() {
        return issues;
    }

    JiraSimulator.Options options() {
        return options;
    }

    Clock clock() {
        return clock;
    }

    void clock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    List<ObjectNode> projects() {
        return dataset.projects();
    }

    Optional<ObjectNode> project(String idOrKey) {
        return dataset.projects().stream()
                .filter(project -> project.path("id").asText().equals(idOrKey)
                        || project.path("key").asText().equalsIgnoreCase(idOrKey))
                .findFirst();
    }

    /** Upper-cased keys, ids and names of the projects JQL may name, including those of inserted raw issues. */
    Set<String> projectIdentifiers() {
        Set<String> identifiers = new HashSet<>();
        for (ObjectNode project : dataset.projects()) {
            addIdentifiers(identifiers, project);
        }
        for (ObjectNode issue : issues.snapshot()) {
            addIdentifiers(identifiers, issue.path("fields").path("project") instanceof ObjectNode p ? p : issue.objectNode());
            String key = issue.path("key").asText();
            if (key.contains("-")) {
                identifiers.add(key.substring(0, key.lastIndexOf('-')).toUpperCase(Locale.ROOT));
            }
        }
        return identifiers;
    }

    private static void addIdentifiers(Set<String> identifiers, ObjectNode project) {
        for (String field : List.of("id", "key", "name")) {
            if (project.hasNonNull(field)) {
                identifiers.add(project.get(field).asText().toUpperCase(Locale.ROOT));
            }
        }
    }
}
