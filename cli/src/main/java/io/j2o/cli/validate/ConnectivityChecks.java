package io.j2o.cli.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.cli.pipeline.PipelineSettings;
import io.j2o.extractor.jira.JiraClient;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.JiraFlavour;
import io.j2o.schemas.registry.RestSchemaRegistryClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Can j2o reach and use everything it needs: Kafka, the schema registry, Jira with the configured account and
 * projects, OpenProject with an account allowed to create what a migration creates. Each check reports its own
 * failure, so one unreachable system does not hide the state of the others.
 */
final class ConnectivityChecks {

    private static final long TIMEOUT_SECONDS = 15;

    private final PipelineSettings settings;
    private final JiraClient jira;
    private final OpenProjectClient openProject;

    ConnectivityChecks(PipelineSettings settings, JiraClient jira, OpenProjectClient openProject) {
        this.settings = settings;
        this.jira = jira;
        this.openProject = openProject;
    }

    List<PreflightCheck> run() {
        return List.of(
                guarded("kafka", this::kafka),
                guarded("schemaRegistry", this::schemaRegistry),
                guarded("jira", this::jiraAccount),
                guarded("jira.projects", this::jiraProjects),
                guarded("openproject", this::openProjectAccount));
    }

    private PreflightCheck kafka() throws Exception {
        Map<String, Object> props = new HashMap<>(settings.loader().kafkaProperties());
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.loader().bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size();
            return PreflightCheck.ok("kafka", brokers + " broker(s) at " + settings.loader().bootstrapServers());
        }
    }

    private PreflightCheck schemaRegistry() {
        try (RestSchemaRegistryClient registry = new RestSchemaRegistryClient(settings.schemaRegistry())) {
            String level = registry.compatibility(settings.topics().jiraIssues() + "-value");
            PreflightCheck.Verdict verdict = level.startsWith("BACKWARD") || level.startsWith("FULL")
                    ? PreflightCheck.Verdict.OK : PreflightCheck.Verdict.WARN;
            return new PreflightCheck("schemaRegistry", verdict, settings.schemaRegistryUrl() + " answers; compatibility "
                    + level + (verdict == PreflightCheck.Verdict.OK ? "" : " (j2o's schemas evolve BACKWARD-compatibly)"));
        }
    }

    private PreflightCheck jiraAccount() {
        JsonNode myself = jira.get(apiPath() + "/myself");
        return PreflightCheck.ok("jira", "signed in as " + myself.path("displayName").asText("?") + ", time zone "
                + myself.path("timeZone").asText("?") + " (" + settings.extractor().flavour() + ")");
    }

    private PreflightCheck jiraProjects() {
        List<String> wanted = settings.extractor().projects();
        if (wanted.isEmpty()) {
            return PreflightCheck.ok("jira.projects", "every project the account can see will be migrated");
        }
        List<String> invisible = wanted.stream().filter(key -> jira.find(apiPath() + "/project/" + key).isEmpty()).toList();
        return invisible.isEmpty()
                ? PreflightCheck.ok("jira.projects", "all " + wanted.size() + " configured project(s) visible")
                : PreflightCheck.fail("jira.projects", "not found or not visible to the account: " + invisible);
    }

    private PreflightCheck openProjectAccount() {
        JsonNode me = openProject.get("/api/v3/users/me");
        boolean admin = me.path("admin").asBoolean(false);
        String who = "signed in as " + me.path("login").asText(me.path("name").asText("?"));
        return admin
                ? PreflightCheck.ok("openproject", who + " (administrator)")
                : PreflightCheck.warn("openproject", who + ", not an administrator: creating users, and projects "
                        + "without the global permission, will be refused");
    }

    private String apiPath() {
        return "/rest/api/" + (settings.extractor().flavour() == JiraFlavour.CLOUD ? "3" : "2");
    }

    private static PreflightCheck guarded(String area, CheckedSupplier check) {
        try {
            return check.get();
        } catch (Exception e) {
            return PreflightCheck.fail(area, "unreachable or refused: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface CheckedSupplier {
        PreflightCheck get() throws Exception;
    }
}
