package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.sandbox.http.RecordedRequest;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A new work package takes its Jira creation time and reporter where OpenProject lets us write them. */
class WorkPackageOriginalAuthorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED_IN_JIRA = "2019-05-01T10:00:00.000Z";

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private String project;
    private String reporter;

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void autoSendsTheOriginalAuthorAndTimeWhereTheSettingAllowsThem() {
        start(true);

        JsonNode created = upserter(OriginalAuthors.AUTO).upsert(issue("ALPHA-1"), Optional.empty()).after();

        assertThat(created.path("createdAt").asText()).startsWith("2019-05-01T10:00:00");
        assertThat(created.path("_links").path("author").path("href").asText()).isEqualTo(reporter);
    }

    @Test
    void autoCreatesWithoutThemWhenOpenProjectRefusesAndAsksOnlyOncePerHost() {
        start(false);
        Upserter workPackages = upserter(OriginalAuthors.AUTO);

        JsonNode first = workPackages.upsert(issue("ALPHA-1"), Optional.empty()).after();
        JsonNode second = workPackages.upsert(issue("ALPHA-2"), Optional.empty()).after();

        assertThat(first.path("_links").path("author").path("href").asText()).isEqualTo("/api/v3/users/1");
        assertThat(second.path("createdAt").asText()).doesNotStartWith("2019");
        assertThat(openProject.exchanges()).filteredOn(r -> r.method().equals("POST") && r.status() == 422)
                .as("one refused create, then the host is known to refuse them").hasSize(1);
        assertThat(openProject.exchanges()).filteredOn(r -> r.method().equals("POST") && r.status() == 201)
                .extracting(RecordedRequest::body).noneMatch(body -> body.contains("_j2o"));
    }

    @Test
    void alwaysFailsTheCommandWhenOpenProjectRefusesThem() {
        start(false);

        assertThatThrownBy(() -> upserter(OriginalAuthors.ALWAYS).upsert(issue("ALPHA-1"), Optional.empty()))
                .isInstanceOf(OpenProjectException.ValidationFailed.class)
                .satisfies(e -> assertThat(((OpenProjectException.ValidationFailed) e).readOnly())
                        .containsExactlyInAnyOrder("createdAt", "author"));
        assertThat(openProject.workPackages()).isEmpty();
    }

    @Test
    void neverSendsThemEvenWhereAllowed() {
        start(true);

        JsonNode created = upserter(OriginalAuthors.NEVER).upsert(issue("ALPHA-1"), Optional.empty()).after();

        assertThat(created.path("createdAt").asText()).doesNotStartWith("2019");
        assertThat(created.path("_links").path("author").path("href").asText()).isEqualTo("/api/v3/users/1");
    }

    @Test
    void anUpdateNeverSendsThemSinceOpenProjectHoldsThemReadOnlyThen() {
        start(true);
        Upserter workPackages = upserter(OriginalAuthors.ALWAYS);
        workPackages.upsert(issue("ALPHA-1"), Optional.empty());

        UpsertOutcome updated = workPackages.upsert(issue("ALPHA-1").put("subject", "Renamed in Jira"), Optional.empty());

        assertThat(updated.after().path("subject").asText()).isEqualTo("Renamed in Jira");
        assertThat(openProject.exchanges()).filteredOn(r -> r.method().equals("PATCH"))
                .extracting(RecordedRequest::body).singleElement().asString()
                .doesNotContain("createdAt").doesNotContain("author").doesNotContain("_j2o");
    }

    private void start(boolean writeReadonlyAttributes) {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("authors")
                .withWriteReadonlyAttributes(writeReadonlyAttributes)).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        project = href(client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "A")));
        reporter = href(client.post("/api/v3/users", JSON.createObjectNode().put("login", "ann")
                .put("email", "ann@example.com").put("firstName", "Ann").put("lastName", "Lee").put("status", "invited")));
    }

    private Upserter upserter(OriginalAuthors mode) {
        return new WorkPackageUpserter(client, "customField1", ConflictPolicy.JIRA_WINS, mode);
    }

    /** As the loader hands it over: the transformer's {@code _j2o.original} still in the body. */
    private ObjectNode issue(String key) {
        ObjectNode body = JSON.createObjectNode().put("subject", "Issue " + key).put("customField1", key);
        body.putObject("_links").putObject("project").put("href", project);
        ObjectNode original = body.putObject("_j2o").putObject("original").put("createdAt", CREATED_IN_JIRA);
        original.putObject("author").put("href", reporter);
        return body;
    }

    private static String href(JsonNode resource) {
        return resource.path("_links").path("self").path("href").asText();
    }
}
