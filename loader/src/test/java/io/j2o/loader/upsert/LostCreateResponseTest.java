package io.j2o.loader.upsert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.loader.openproject.OpenProjectClient;
import io.j2o.schemas.avro.CommandKind;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OpenProject created the work package but the answer never arrived: the retry must find it, not create another.
 */
class LostCreateResponseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREATED = """
            {"_type":"WorkPackage","id":42,"lockVersion":0,"subject":"Fix login","customField1":"ALPHA-1",
             "_links":{"self":{"href":"/api/v3/work_packages/42"},"project":{"href":"/api/v3/projects/5"}}}
            """;

    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void createWhoseAnswerWasLostIsFoundOnRetryAndNotRepeated() throws Exception {
        server.enqueue(collection(""));
        server.enqueue(new MockResponse.Builder().code(201).body(CREATED).onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(collection(CREATED));
        OpenProjectClient client = new OpenProjectClient(server.url("/").toString(), "key", OpenProjectClient.defaultHttp(), 3);
        Upserter upserter = Upserters.forOpenProject(client, "customField1").byKind().get(CommandKind.WORK_PACKAGE);

        ObjectNode body = JSON.createObjectNode().put("subject", "Fix login").put("customField1", "ALPHA-1");
        body.putObject("_links").putObject("project").put("href", "/api/v3/projects/5");
        UpsertOutcome outcome = upserter.upsert(body, Optional.empty());

        assertThat(outcome.id()).isEqualTo(42);
        assertThat(outcome.wrote()).as("the second attempt found it already in place").isFalse();
        int posts = 0;
        for (int i = 0; i < server.getRequestCount(); i++) {
            RecordedRequest request = server.takeRequest();
            if (request.getMethod().equals("POST")) {
                posts++;
            }
        }
        assertThat(posts).isEqualTo(1);
    }

    private static MockResponse collection(String element) {
        int total = element.isEmpty() ? 0 : 1;
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/hal+json")
                .body("{\"_type\":\"WorkPackageCollection\",\"total\":" + total + ",\"count\":" + total
                        + ",\"_embedded\":{\"elements\":[" + element + "]}}")
                .build();
    }
}
