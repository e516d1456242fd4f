package io.j2o.loader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.http.RecordedRequest;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.sandbox.openproject.OpenProjectSpecCheck;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.OpenProjectCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request the loader sends to OpenProject, and every answer it gets from the simulator, checked against
 * OpenProject's own OpenAPI spec: creates, lookups by the Jira-key filter, updates with lockVersion, comments, and the
 * users, groups, subprojects, versions, relations, time entries, memberships, watchers and attachments a migration
 * writes.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class LoaderRequestsContractIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theLoadersTrafficConformsToTheOpenProjectSpec(EmbeddedKafka kafka) throws Exception {
        Optional<OpenProjectSpecCheck> spec = OpenProjectSpecCheck.fromSharedDir();
        assumeTrue(spec.isPresent(), "OpenProject spec not found under j2o.shared.dir="
                + System.getProperty("j2o.shared.dir") + "; contract test skipped");
        String prefix = "contract-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        try (LoaderHarness harness = new LoaderHarness(kafka, prefix, 2, 3)) {
            String projectHref = harness.createProject("alpha");
            String existing = harness.createWorkPackage(projectHref, "ALPHA-1");
            List<Map.Entry<String, OpenProjectCommand>> commands = new ArrayList<>();
            commands.add(Map.entry(LoaderHarness.workPackageKey(20001), LoaderHarness.workPackage(20001, "ALPHA-1", "v2", projectHref)));
            commands.add(Map.entry(LoaderHarness.workPackageKey(20002), LoaderHarness.workPackage(20002, "ALPHA-2", "v1", projectHref)));
            commands.add(Map.entry("comment:30001", LoaderHarness.comment(30001, "ALPHA-1", "First comment", existing)));
            commands.add(subprojectOf("alpha"));
            CrashedKind.Fixtures fixtures = CrashedKind.Fixtures.create(harness, 2);
            for (CrashedKind kind : CrashedKind.values()) {
                kind.prepare(harness, fixtures);
                commands.addAll(kind.commands(fixtures, 2));
            }
            harness.produce(commands);

            CommandLoader loader = harness.loader(prefix + "loader", 4, LoaderListener.NONE);
            Thread thread = new Thread(loader, "contract-loader");
            thread.start();
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> harness.allCommitted(prefix + "loader"));
            } finally {
                loader.close();
                thread.join(30_000);
            }

            Map<String, Integer> calls = new TreeMap<>();
            for (RecordedRequest exchange : harness.openProject.exchanges()) {
                calls.merge(exchange.method() + " " + exchange.path().replaceAll("/\\d+", "/{id}"), 1, Integer::sum);
                spec.get().check(exchange, harness.openProject.apiKey());
            }
            System.out.println("loader exchanges checked against the OpenProject spec: " + calls);
            assertThat(calls).containsKeys("GET /api/v3/work_packages", "POST /api/v3/work_packages",
                    "PATCH /api/v3/work_packages/{id}", "POST /api/v3/work_packages/{id}/activities",
                    "GET /api/v3/users", "POST /api/v3/users", "GET /api/v3/projects/{id}/versions", "POST /api/v3/versions",
                    "GET /api/v3/relations", "POST /api/v3/work_packages/{id}/relations", "GET /api/v3/time_entries",
                    "POST /api/v3/time_entries", "GET /api/v3/memberships", "POST /api/v3/memberships",
                    "GET /api/v3/work_packages/{id}/watchers", "POST /api/v3/work_packages/{id}/watchers",
                    "GET /api/v3/configuration", "GET /api/v3/work_packages/{id}/attachments",
                    "POST /api/v3/work_packages/{id}/attachments", "GET /api/v3/groups", "POST /api/v3/groups",
                    "GET /api/v3/projects/alpha");
            assertThat(harness.openProject.projects()).filteredOn(p -> p.path("identifier").asText().equals("alpha-child"))
                    .singleElement().satisfies(child -> assertThat(child.at("/_links/parent/href").asText())
                            .isEqualTo(projectHref));
            assertThat(spec.get().findings()).as("spec violations not explained by a known spec error").isEmpty();
        }
    }

    /** A project whose parent the command names by identifier, as {@code mapping.projects.parent} makes it. */
    private static Map.Entry<String, OpenProjectCommand> subprojectOf(String parentIdentifier) {
        ObjectNode body = JSON.createObjectNode().put("identifier", parentIdentifier + "-child").put("name", "Child");
        body.putObject("description").put("raw", "");
        body.putObject("_links").putObject("parent").put("href", "/api/v3/projects/" + parentIdentifier);
        return LoaderHarness.upsert(CommandKind.PROJECT, 10001, body);
    }
}
