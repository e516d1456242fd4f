package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.http.RecordedRequest;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.Credentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every request the extractor sends to Jira Cloud — a full pass, an incremental pass and a deletion
 * reconciliation — is checked against Atlassian's Cloud platform OpenAPI document, not against our simulator.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class ExtractorRequestsContractIT {

    @Test
    void everyRequestOfACloudPassAndReconciliationConformsToTheCloudSpec(EmbeddedKafka kafka) throws Exception {
        String shared = System.getProperty("j2o.shared.dir");
        Path spec = shared == null ? null : Path.of(shared, "specs", "jira", "jira-cloud-platform.swagger-v3.v3.json");
        assumeTrue(spec != null && Files.isRegularFile(spec),
                "the Jira Cloud OpenAPI spec is not available (j2o.shared.dir=" + shared + "); contract test skipped");
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString()).build();

        try (JiraSimulator jira = new JiraSimulator(new DatasetGenerator(17).generate(2, 120), JiraSimulator.Options.defaults()).start();
             ExtractorRig rig = new ExtractorRig(kafka)) {
            JiraExtractor extractor = rig.extractor(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), "site", 3);
            extractor.runOnce(false);
            jira.deleteIssue(jira.issues().get(3).path("key").asText());
            extractor.runOnce(false, true);

            String authorization = Credentials.basic(jira.options().email(), jira.options().apiToken());
            List<String> problems = new ArrayList<>();
            Map<String, Integer> calls = new TreeMap<>();
            for (RecordedRequest recorded : jira.requests()) {
                calls.merge(recorded.method() + " " + recorded.path().replaceAll("/\\d+$", "/{id}"), 1, Integer::sum);
                ValidationReport report = validator.validateRequest(request(recorded, authorization));
                report.getMessages().stream()
                        .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                        .forEach(message -> problems.add(recorded.method() + " " + recorded.path() + "?" + recorded.query()
                                + ": " + message.getKey() + " " + message.getMessage()));
            }
            System.out.println("extractor requests checked against the Cloud spec: " + calls);
            assertThat(calls).containsKeys("GET /rest/api/3/myself", "GET /rest/api/3/project/search",
                    "POST /rest/api/3/search/jql", "GET /rest/api/3/issue/{id}");
            assertThat(problems).isEmpty();
        }
    }

    private static SimpleRequest request(RecordedRequest recorded, String authorization) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(recorded.method()), recorded.path())
                .withAuthorization(authorization)
                .withAccept("application/json");
        if (recorded.query() != null && !recorded.query().isEmpty()) {
            for (String pair : recorded.query().split("&")) {
                String[] nameValue = pair.split("=", 2);
                builder.withQueryParam(decode(nameValue[0]), nameValue.length > 1 ? decode(nameValue[1]) : "");
            }
        }
        if (recorded.body() != null && !recorded.body().isEmpty()) {
            builder.withContentType(recorded.contentType()).withBody(recorded.body());
        }
        return builder.build();
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
