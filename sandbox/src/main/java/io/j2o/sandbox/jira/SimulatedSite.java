package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.JiraDataset;
import io.j2o.sandbox.dataset.JiraDateTimes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the routes share: the site's reference data (in the shape of the simulated flavour), its issues, the options
 * and the simulator's clock.
 */
final class SimulatedSite {

    private volatile JiraDataset dataset;
    private final IssueStore issues;
    private final JiraSimulator.Options options;
    private final JiraFaults faults = new JiraFaults();
    private volatile Clock clock;

    SimulatedSite(JiraDataset dataset, JiraSimulator.Options options, Clock clock) {
        this.options = options;
        this.dataset = options.flavour() == JiraSimulator.Flavour.DATA_CENTER
                ? DataCenterShape.convert(dataset, options.timeZone()) : dataset.deepCopy();
        this.clock = clock;
        this.issues = new IssueStore(this.dataset.issues(), this::clock, this::timestamp, options.flavour());
    }

    /** {@code /rest/api/3} on Cloud, {@code /rest/api/2} on Data Center. */
    String apiPath() {
        return options.flavour().apiPath();
    }

    /** A time as this deployment writes it: Cloud in UTC, Data Center in the server's zone. */
    String timestamp(Instant instant) {
        return options.flavour() == JiraSimulator.Flavour.DATA_CENTER
                ? DataCenterShape.timestamp(instant, options.timeZone()) : JiraDateTimes.format(instant);
    }

    JiraDataset dataset() {
        return dataset;
    }

    /** Replaces the reference data (issues live in their own store) with what {@code change} makes of it. */
    synchronized void changeDataset(UnaryOperator<JiraDataset> change) {
        dataset = change.apply(dataset);
    }

    IssueStore issues() {
        return issues;
    }

    JiraSimulator.Options options() {
        return options;
    }

    JiraFaults faults() {
        return faults;
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

    /**
     * What a JQL project value may be, upper-cased, mapped to the upper-cased key of the project it names: keys, names
     * and ids of the site's projects and of those inserted issues refer to. A key wins over another project's name or
     * id, as in Jira, so {@code project = ABC} never matches a project merely named "ABC".
     */
    Map<String, String> projectKeysByIdentifier() {
        List<JsonNode> projects = new ArrayList<>(dataset.projects());
        for (ObjectNode issue : issues.snapshot()) {
            JsonNode reference = issue.path("fields").path("project");
            String key = issue.path("key").asText();
            if (reference.path("key").isTextual()) {
                projects.add(reference);
            } else if (key.contains("-")) {
                projects.add(JsonNodeFactory.instance.objectNode().put("key", key.substring(0, key.lastIndexOf('-'))));
            }
        }
        Map<String, String> keys = new HashMap<>();
        for (String field : List.of("id", "name", "key")) {
            for (JsonNode project : projects) {
                if (project.hasNonNull(field) && project.path("key").isTextual()) {
                    keys.put(project.get(field).asText().toUpperCase(Locale.ROOT),
                            project.get("key").asText().toUpperCase(Locale.ROOT));
                }
            }
        }
        return keys;
    }
}
