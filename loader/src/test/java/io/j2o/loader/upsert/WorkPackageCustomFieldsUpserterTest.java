package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.loader.openproject.OpenProjectException;
import io.j2o.sandbox.dataset.DatasetCustomFields;
import io.j2o.sandbox.openproject.OpenProjectSimulator;
import io.j2o.schemas.avro.CommandKind;
import io.j2o.schemas.avro.JournalAction;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the OpenProject simulator with the demo's custom fields: written once, a replay writes nothing, null clears. */
class WorkPackageCustomFieldsUpserterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenProjectSimulator openProject;
    private OpenProjectClient client;
    private Upserter workPackages;
    private String project;
    private String user;

    @BeforeEach
    void start() {
        openProject = new OpenProjectSimulator(OpenProjectSimulator.Options.defaults("cf")
                .withCustomFields(DatasetCustomFields.openProjectFields())).start();
        client = new OpenProjectClient(openProject.baseUrl(), openProject.apiKey(), OpenProjectClient.defaultHttp(), 3);
        workPackages = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.WORK_PACKAGE);
        project = href(client.post("/api/v3/projects", JSON.createObjectNode().put("identifier", "alpha").put("name", "A")));
        user = href(client.post("/api/v3/users", JSON.createObjectNode().put("login", "ann").put("email", "ann@example.com")
                .put("firstName", "Ann").put("lastName", "Lee").put("status", "invited")));
        ObjectNode membership = JSON.createObjectNode();
        ObjectNode links = membership.putObject("_links");
        links.putObject("project").put("href", project);
        links.putObject("principal").put("href", user);
        links.putArray("roles").addObject().put("href", "/api/v3/roles/4");
        client.post("/api/v3/memberships", membership);
    }

    @AfterEach
    void stop() {
        openProject.close();
    }

    @Test
    void everyCustomFieldIsWrittenOnceAndAReplayWritesNothing() throws Exception {
        UpsertOutcome created = workPackages.upsert(issue(full()), Optional.empty());
        long writes = openProject.writeCount();
        UpsertOutcome replayed = workPackages.upsert(issue(full()), Optional.empty());
        UpsertOutcome inOtherOrder = workPackages.upsert(issue(full(6, 4)), Optional.empty());

        assertThat(created.action()).isEqualTo(JournalAction.CREATED);
        JsonNode wp = created.after();
        assertThat(wp.path("customField2").asText()).isEqualTo("ACME Corp");
        assertThat(wp.path("customField3").asDouble()).isEqualTo(5.0);
        assertThat(wp.path("customField4").asText()).isEqualTo("2025-04-30");
        assertThat(wp.at("/_links/customField5/title").asText()).isEqualTo("Major");
        assertThat(wp.at("/_links/customField6")).hasSize(2);
        assertThat(wp.at("/_links/customField7/href").asText()).isEqualTo(user);
        assertThat(wp.path("customField8").asText()).isEqualTo("backend, flaky");
        assertThat(wp.at("/_links/customField9/0/title").asText()).isEqualTo("PaymentService");
        assertThat(replayed.wrote()).isFalse();
        assertThat(inOtherOrder.wrote()).as("a multi-select is a set").isFalse();
        assertThat(openProject.writeCount()).isEqualTo(writes);
    }

    @Test
    void nullsAndEmptyArraysClearEveryCustomField() throws Exception {
        workPackages.upsert(issue(full()), Optional.empty());

        UpsertOutcome cleared = workPackages.upsert(issue((ObjectNode) JSON.readTree("""
                {"customField2":null,"customField3":null,"customField4":null,"customField8":null,
                 "_links":{"customField5":{"href":null},"customField6":[],"customField7":{"href":null},"customField9":[]}}
                """)), Optional.empty());
        long writes = openProject.writeCount();
        UpsertOutcome again = workPackages.upsert(issue((ObjectNode) JSON.readTree("""
                {"customField2":null,"_links":{"customField6":[],"customField7":{"href":null}}}
                """)), Optional.empty());

        assertThat(cleared.action()).isEqualTo(JournalAction.UPDATED);
        for (String path : new String[] {"/customField2", "/customField3", "/customField4", "/customField8",
                "/_links/customField5/href", "/_links/customField7/href"}) {
            assertThat(cleared.after().at(path).isNull()).as(path).isTrue();
        }
        assertThat(cleared.after().at("/_links/customField6")).isEmpty();
        assertThat(cleared.after().at("/_links/customField9")).isEmpty();
        assertThat(again.wrote()).isFalse();
        assertThat(openProject.writeCount()).isEqualTo(writes);
    }

    @Test
    void anOptionOfAnotherFieldIsRefusedAsOpenProjectRefusesIt() throws Exception {
        ObjectNode wrong = (ObjectNode) JSON.readTree("{\"_links\":{\"customField5\":{\"href\":\"/api/v3/custom_options/4\"}}}");

        assertThatThrownBy(() -> workPackages.upsert(issue(wrong), Optional.empty()))
                .isInstanceOf(OpenProjectException.ValidationFailed.class)
                .satisfies(e -> assertThat(((OpenProjectException.ValidationFailed) e).attribute()).isEqualTo("customField5"));
    }

    /** Options are numbered across fields: Severity 1–3, Platforms 4–7, Components 8–17. */
    private ObjectNode full() throws Exception {
        return full(4, 6);
    }

    private ObjectNode full(int platform, int otherPlatform) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"customField2":"ACME Corp","customField3":5.0,"customField4":"2025-04-30","customField8":"backend, flaky",
                 "_links":{"customField5":{"href":"/api/v3/custom_options/2"},
                           "customField6":[{"href":"/api/v3/custom_options/%d"},{"href":"/api/v3/custom_options/%d"}],
                           "customField7":{"href":"%s"},
                           "customField9":[{"href":"/api/v3/custom_options/8"}]}}
                """.formatted(platform, otherPlatform, user));
    }

    private ObjectNode issue(ObjectNode customFields) {
        ObjectNode body = JSON.createObjectNode().put("subject", "Fix login").put("customField1", "ALPHA-1");
        body.setAll(customFields);
        ObjectNode links = body.putObject("_links");
        links.putObject("project").put("href", project);
        links.setAll((ObjectNode) customFields.path("_links"));
        return body;
    }

    private static String href(JsonNode resource) {
        return resource.at("/_links/self/href").asText();
    }
}
