package io.j2o.sandbox.openproject;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the simulator's requests and responses against OpenProject's own OpenAPI spec
 * ({@code shared/specs/openproject-apiv3}). Where the spec and the server's code disagree, the code wins; each such
 * case is listed in {@link #KNOWN_SPEC_ERRORS} with the reason, nothing else is tolerated.
 */
class OpenProjectSimulatorContractTest {

    /** A spec finding the simulator deliberately does not follow, because the real server does not either. */
    private record KnownSpecError(String method, String pathPrefix, String messageFragment, String reason) {
        boolean covers(String requestMethod, String path, ValidationReport.Message message) {
            return method.equals(requestMethod) && path.startsWith(pathPrefix) && text(message).contains(messageFragment);
        }
    }

    private static final List<KnownSpecError> KNOWN_SPEC_ERRORS = List.of(
            new KnownSpecError("POST", "/api/v3/", "Response status 201 not defined",
                    "creates answer 201 (API::V3::Utilities::Endpoints::Create, success_status :created);"
                            + " the spec documents 200 for work packages (research note §5, SOURCE.md)"),
            new KnownSpecError("GET", "/api/v3/work_packages", "WorkPackageCollection",
                    "WorkPackageCollectionRepresenter#_type is 'WorkPackageCollection'; the spec reuses the generic"
                            + " Collection enum"),
            new KnownSpecError("GET", "/api/v3/projects/", "WorkPackageCollection",
                    "same representer for the project-scoped work-package collection"),
            new KnownSpecError("POST", "/api/v3/", "Object has missing required properties",
                    "create requests reuse the response model (with required self/schema/author links); real"
                            + " clients send only writable properties (research note §5, 'Request shape')"),
            new KnownSpecError("POST", "/api/v3/", "missing required properties ([\"format\"])",
                    "Formattable.format is readOnly yet required; on write only raw is read (research note §3)"),
            new KnownSpecError("POST", "/api/v3/work_packages/", "No response body is expected",
                    "commenting answers 201 with the new Activity::Comment (the operation's own description: 'on"
                            + " success, returns the updated activity'); the spec's 201 just lacks its content"),
            new KnownSpecError("GET", "/api/v3/projects", "Query parameter 'offset' is unexpected",
                    "projects is an offset-paginated collection (research note §3 example, §4)"),
            new KnownSpecError("GET", "/api/v3/projects", "Query parameter 'pageSize' is unexpected",
                    "projects is an offset-paginated collection (research note §3 example, §4)"));

    private static OpenApiInteractionValidator validator;
    private static OpenProjectSimulator simulator;
    private static SimulatorClient api;
    private final List<String> findings = new ArrayList<>();
    private final Set<KnownSpecError> used = new HashSet<>();

    private static Path spec;

    @BeforeAll
    static void loadSpec() {
        String shared = System.getProperty("j2o.shared.dir");
        spec = shared == null ? null : Path.of(shared, "specs", "openproject-apiv3", "openapi-spec.yml");
        if (spec == null || !Files.isRegularFile(spec)) {
            return; // the test itself reports the skip, so the reason shows up in the test report
        }
        // OpenAPI objects are open unless a schema says additionalProperties: false; the validator's default of
        // injecting false would reject every allOf composition and every customFieldN, so use the standard rule.
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiBundle.toJson(spec))
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
                .build();
        simulator = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("opapi-contract")).start();
        api = new SimulatorClient(simulator);
    }

    @AfterAll
    static void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void everyExchangeOfALoaderSessionMatchesTheSpec() {
        Assumptions.assumeTrue(validator != null, "OpenProject spec not found: set -Dj2o.shared.dir to the shared "
                + "folder holding specs/openproject-apiv3/openapi-spec.yml (was " + spec + ")");
        check("GET", "/api/v3", null, api.get("/api/v3"));
        for (String path : List.of("/api/v3/types", "/api/v3/types/1", "/api/v3/statuses", "/api/v3/statuses/12",
                "/api/v3/priorities", "/api/v3/priorities/8")) {
            check("GET", path, null, api.get(path));
        }
        String project = "{\"name\":\"Contract\",\"identifier\":\"contract\",\"description\":{\"raw\":\"d\"}}";
        SimulatorClient.Reply created = check("POST", "/api/v3/projects", project, api.post("/api/v3/projects", project));
        int projectId = created.json().get("id").asInt();
        check("GET", "/api/v3/projects", null, api.get("/api/v3/projects?pageSize=5&offset=1"));
        check("GET", "/api/v3/projects/" + projectId, null, api.get("/api/v3/projects/" + projectId));
        String rename = "{\"name\":\"Contract 2\"}";
        check("PATCH", "/api/v3/projects/" + projectId, rename, api.patch("/api/v3/projects/" + projectId, rename));
        String badProject = "{\"name\":\"X\",\"identifier\":\"Bad Id\"}";
        check("POST", "/api/v3/projects", badProject, api.post("/api/v3/projects", badProject));

        String user = "{\"login\":\"jdoe\",\"email\":\"jdoe@example.com\",\"firstName\":\"John\",\"lastName\":\"Doe\","
                + "\"status\":\"invited\"}";
        check("POST", "/api/v3/users", user, api.post("/api/v3/users", user));
        check("GET", "/api/v3/users", null, api.get("/api/v3/users"));
        check("GET", "/api/v3/users/1", null, api.get("/api/v3/users/1"));

        String wpBody = "{\"subject\":\"KEY-1 Fix login\",\"description\":{\"raw\":\"text\"},\"customField1\":\"KEY-1\","
                + "\"estimatedTime\":\"PT2H\",\"_links\":{\"type\":{\"href\":\"/api/v3/types/7\"},"
                + "\"priority\":{\"href\":\"/api/v3/priorities/9\"},\"assignee\":{\"href\":\"/api/v3/users/2\"}}}";
        String path = "/api/v3/projects/" + projectId + "/work_packages";
        int wpId = check("POST", path, wpBody, api.post(path, wpBody)).json().get("id").asInt();
        String global = "{\"subject\":\"Second\",\"_links\":{\"project\":{\"href\":\"/api/v3/projects/" + projectId
                + "\"}}}";
        check("POST", "/api/v3/work_packages", global, api.post("/api/v3/work_packages", global));
        check("GET", path, null, api.get(path + "?pageSize=1&offset=2"));
        check("GET", "/api/v3/work_packages", null, api.get("/api/v3/work_packages"));
        check("GET", "/api/v3/work_packages/" + wpId, null, api.get("/api/v3/work_packages/" + wpId));
        String patch = "{\"lockVersion\":0,\"subject\":\"KEY-1 Fixed\",\"_links\":{\"status\":{\"href\":"
                + "\"/api/v3/statuses/12\"}}}";
        check("PATCH", "/api/v3/work_packages/" + wpId, patch, api.patch("/api/v3/work_packages/" + wpId, patch));
        check("PATCH", "/api/v3/work_packages/" + wpId, patch, api.patch("/api/v3/work_packages/" + wpId, patch));
        String blank = "{\"lockVersion\":1,\"subject\":\"\"}";
        check("PATCH", "/api/v3/work_packages/" + wpId, blank, api.patch("/api/v3/work_packages/" + wpId, blank));
        String comment = "{\"comment\":{\"raw\":\"*By Ann in Jira*\\n\\nHello\\n\\n<!-- j2o:comment:7 -->\"}}";
        String comments = "/api/v3/work_packages/" + wpId + "/activities";
        int activityId = check("POST", comments, comment, api.post(comments + "?notify=false", comment)).json()
                .get("id").asInt();
        check("GET", "/api/v3/activities/" + activityId, null, api.get("/api/v3/activities/" + activityId));
        String edit = "{\"comment\":{\"raw\":\"_(deleted in Jira)_\"}}";
        check("PATCH", "/api/v3/activities/" + activityId, edit, api.patch("/api/v3/activities/" + activityId, edit));
        check("GET", comments, null, api.get(comments));
        check("DELETE", "/api/v3/work_packages/" + wpId, null, api.delete("/api/v3/work_packages/" + wpId));
        check("GET", "/api/v3/work_packages/" + wpId, null, api.get("/api/v3/work_packages/" + wpId));

        assertThat(findings).as("spec violations not explained by a known spec error").isEmpty();
        assertThat(used).as("every tolerated spec error must still occur, else drop it")
                .containsExactlyInAnyOrderElementsOf(KNOWN_SPEC_ERRORS);
    }

    /** A message with its nested causes, since allOf failures carry the real reason one level down. */
    private static String text(ValidationReport.Message message) {
        StringBuilder text = new StringBuilder(message.getMessage());
        message.getNestedMessages().forEach(nested -> text.append(" | ").append(text(nested)));
        return text.toString();
    }

    private SimulatorClient.Reply check(String method, String path, String body, SimulatorClient.Reply reply) {
        URI uri = reply.raw().uri();
        SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path)
                .withAuthorization("Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("apikey:" + simulator.apiKey()).getBytes()));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "",
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        if (body != null) {
            request.withContentType("application/json").withBody(body);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(reply.status());
        reply.raw().headers().map().forEach((name, values) -> response.withHeader(name, values));
        if (!reply.raw().body().isEmpty()) {
            response.withBody(reply.raw().body());
        }
        ValidationReport report = validator.validate(request.build(), response.build());
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            List<KnownSpecError> known = KNOWN_SPEC_ERRORS.stream().filter(k -> k.covers(method, path, message))
                    .toList();
            used.addAll(known);
            if (known.isEmpty()) {
                findings.add(method + " " + path + " -> " + reply.status() + ": " + message.getKey() + " "
                        + text(message));
            }
        }
        return reply;
    }
}
