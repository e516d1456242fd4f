package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.j2o.sandbox.dataset.DatasetGenerator;
import io.j2o.sandbox.http.RecordedRequest;
import io.j2o.sandbox.jira.DataCenterSpecText;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.schemas.avro.JiraFlavour;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import okhttp3.Credentials;
import org.assertj.core.api.SoftAssertions;

/**
 * Drives the extractor through a full pass of every entity kind, an incremental pass after a few changes and a
 * reconciling pass, then checks every request it sent to the simulator against one of Atlassian's OpenAPI documents
 * ({@code ../shared/specs/jira}) and tallies the requests per endpoint. Known defects of a document are set aside by
 * name, each one for the verdict and the request it describes, never wholesale.
 */
final class ExtractorRequestsContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jira embeds 20 comments and 20 worklogs in an issue and, on Cloud, its 40 most recent histories. */
    private static final int TRUNCATED_LIST = 25;
    private static final int LONG_HISTORY = 45;

    /** A verdict of the spec that is the spec's fault, with why; {@code applies} tells its message and request. */
    record SpecDefect(String name, String why, BiPredicate<ValidationReport.Message, RecordedRequest> applies) {
    }

    private final OpenApiInteractionValidator validator;
    private final List<SpecDefect> defects;

    private ExtractorRequestsContract(OpenApiInteractionValidator validator, List<SpecDefect> defects) {
        this.validator = validator;
        this.defects = defects;
    }

    /** The Cloud platform document as published; its paths carry the full {@code /rest/api/3} prefix. */
    static ExtractorRequestsContract cloud(List<SpecDefect> defects) {
        Path spec = spec("jira-cloud-platform.swagger-v3.v3.json");
        return new ExtractorRequestsContract(strict(OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())), defects);
    }

    /**
     * The Data Center document, its paths under the server URL {@code http://{baseurl}/rest}; some of its operation ids
     * repeat (a generator defect the parser refuses), so each repeat gets a numbered suffix in memory first.
     */
    static ExtractorRequestsContract dataCenter(List<SpecDefect> defects) {
        Path spec = spec("jira-software-dc-10.3.openapi.json");
        return new ExtractorRequestsContract(strict(OpenApiInteractionValidator
                .createForInlineApiSpecification(DataCenterSpecText.withUniqueOperationIds(spec)).withBasePathOverride("/rest")), defects);
    }

    /** A query parameter the operation does not declare is a misspelt or invented name: an error, not a note. */
    private static OpenApiInteractionValidator strict(OpenApiInteractionValidator.Builder builder) {
        return builder.withLevelResolver(LevelResolver.create()
                .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.ERROR).build()).build();
    }

    private static Path spec(String name) {
        String shared = System.getProperty("j2o.shared.dir");
        Path spec = shared == null ? null : Path.of(shared, "specs", "jira", name);
        assumeTrue(spec != null && Files.isRegularFile(spec), "the Jira OpenAPI spec " + name
                + " is not available (system property j2o.shared.dir=" + shared + "); contract test skipped");
        return spec;
    }

    /**
     * Runs {@link #exercise} with an extractor of {@code flavour} against its simulator, then checks that every request
     * conforms, that the passes called every endpoint of {@code endpoints}, and that this check can fail.
     */
    void assertExtractorConforms(EmbeddedKafka kafka, JiraFlavour flavour, Set<String> endpoints) throws Exception {
        boolean cloud = flavour == JiraFlavour.CLOUD;
        try (JiraSimulator jira = ExtractorRig.simulator(new DatasetGenerator(17).generate(2, 40), flavour);
             ExtractorRig rig = new ExtractorRig(kafka)) {
            exercise(jira, rig.extractor(rig.config(jira, flavour)));
            assertConforms(jira, endpoints, cloud ? "Cloud" : "Data Center");
            assertRefusesRequestsOffTheSpec(cloud ? "/rest/api/3" : "/rest/api/2", cloud ? "/search/jql" : "/search",
                    Credentials.basic(jira.options().email(), jira.options().apiToken()));
        }
    }

    /**
     * A full pass of every kind over a site where one issue has more comments and worklogs than Jira embeds, and it
     * and another one a history longer than Cloud embeds; then an edited issue, a new comment, an edited and a deleted worklog, a new
     * watcher and a deleted issue, read by an incremental pass and a reconciling one.
     */
    private static void exercise(JiraSimulator jira, JiraExtractor extractor) {
        jira.clock(Clock.fixed(DatasetGenerator.BASE_INSTANT.plus(Duration.ofDays(1)), ZoneOffset.UTC));
        List<ObjectNode> issues = jira.issues();
        String crowded = issues.get(1).get("key").asText();
        String crowdedId = issues.get(1).get("id").asText();
        jira.updateIssue(crowded, fields -> {
            fields.set("comment", page("comments", "9100", item -> item.put("body", "comment")));
            fields.set("worklog", page("worklogs", "9200", item -> item.put("issueId", crowdedId).put("timeSpentSeconds", 900)));
        });
        // Two long histories read in one bulk fetch are read together on Cloud; the crowded one alone, later, by itself.
        for (String longHistory : List.of(crowded, issues.get(4).get("key").asText())) {
            for (int edit = 0; edit < LONG_HISTORY; edit++) {
                String summary = "edit " + edit;
                jira.updateIssue(longHistory, fields -> fields.put("summary", summary));
            }
        }
        extractor.runOnce(false);

        // The worklog feeds are read from the extractor's own clock on: the changes must come after the first pass.
        jira.clock(Clock.systemUTC());
        jira.updateIssue(issues.get(2).get("key").asText(), fields -> fields.put("summary", "edited"));
        jira.updateIssue(issues.get(3).get("key").asText(), fields -> {
            ObjectNode comments = (ObjectNode) fields.get("comment");
            comments.withArray("comments").add(JSON.createObjectNode().put("id", "9300").put("body", "new comment"));
            comments.put("total", comments.get("comments").size());
        });
        jira.updateWorklog(crowded, "9200", worklog -> worklog.put("timeSpentSeconds", 1800));
        jira.deleteWorklog(crowded, "9201");
        extractor.runOnce(false);

        JsonNode user = jira.users().get(0);
        jira.watch(issues.get(4).get("key").asText(), user.has("accountId") ? user.get("accountId").asText() : user.get("key").asText());
        jira.deleteIssue(issues.get(5).get("key").asText());
        extractor.runOnce(false, true);
    }

    private static ObjectNode page(String list, String firstId, Consumer<ObjectNode> filler) {
        ObjectNode page = JSON.createObjectNode().put("startAt", 0).put("maxResults", TRUNCATED_LIST).put("total", TRUNCATED_LIST);
        ArrayNode items = page.putArray(list);
        for (int i = 0; i < TRUNCATED_LIST; i++) {
            ObjectNode item = JSON.createObjectNode().put("id", String.valueOf(Long.parseLong(firstId) + i))
                    .put("created", "2025-01-02T10:00:00.000+0000").put("updated", "2025-01-02T10:00:00.000+0000");
            filler.accept(item);
            items.add(item);
        }
        return page;
    }

    /** What the spec refused, one line each, and how often each named defect was set aside. */
    record Verdicts(List<String> violations, Map<String, Integer> setAside) {
    }

    /** Every request's problems with the spec, except those a named defect explains (counted by its name). */
    Verdicts verdicts(List<RecordedRequest> requests, String authorization) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> setAside = new TreeMap<>();
        for (RecordedRequest recorded : requests) {
            validator.validateRequest(request(recorded, authorization)).getMessages().stream()
                    .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                    .forEach(message -> defects.stream().filter(defect -> defect.applies().test(message, recorded)).findFirst()
                            .ifPresentOrElse(defect -> setAside.merge(defect.name(), 1, Integer::sum),
                                    () -> problems.add(recorded.method() + " " + recorded.path() + "?" + recorded.query()
                                            + " " + recorded.body() + ": " + message.getKey() + " " + message.getMessage())));
        }
        return new Verdicts(problems, setAside);
    }

    /**
     * How many requests went to each endpoint, named by method and path with every id, key or name segment after
     * a collection written as {@code {id}}, e.g. {@code GET /rest/api/3/issue/{id}/comment}.
     */
    static Map<String, Integer> tally(List<RecordedRequest> requests) {
        Map<String, Integer> calls = new TreeMap<>();
        requests.forEach(request -> calls.merge(endpoint(request), 1, Integer::sum));
        return calls;
    }

    static String endpoint(RecordedRequest request) {
        return request.method() + " " + request.path()
                .replaceAll("/(issue|project|role)/(?!(search|bulkfetch)$)[^/]+", "/$1/{id}");
    }

    /**
     * Shows the check can fail: a misspelt query parameter, a number written as a word and a search body missing its
     * JQL, each sent to an endpoint the extractor uses under {@code api}, are each refused.
     */
    void assertRefusesRequestsOffTheSpec(String api, String searchPath, String authorization) {
        Instant now = Instant.now();
        List<RecordedRequest> wrong = List.of(
                new RecordedRequest("GET", api + "/worklog/updated", "sinse=0", null, "", now, 0, ""),
                new RecordedRequest("GET", api + "/worklog/updated", "since=yesterday", null, "", now, 0, ""),
                new RecordedRequest("POST", api + searchPath, null, "application/json", "{\"maxResults\":\"fifty\"}", now, 0, ""));
        assertThat(wrong).allSatisfy(request ->
                assertThat(verdicts(List.of(request), authorization).violations()).as(request.toString()).isNotEmpty());
    }

    /** Runs the checks every contract test shares: the tally covers {@code expected}, and no request violates the spec. */
    void assertConforms(JiraSimulator jira, Set<String> expected, String flavourName) {
        List<RecordedRequest> requests = jira.requests();
        Map<String, Integer> calls = tally(requests);
        System.out.println("extractor requests checked against the " + flavourName + " spec: " + calls);
        Verdicts verdicts = verdicts(requests, Credentials.basic(jira.options().email(), jira.options().apiToken()));
        defects.forEach(defect -> System.out.println("set aside as a defect of the " + flavourName + " spec: " + defect.name()
                + " (" + verdicts.setAside().getOrDefault(defect.name(), 0) + " verdicts) because " + defect.why()));
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(calls).as("every endpoint family the extractor reads").containsKeys(expected.toArray(String[]::new));
            softly.assertThat(verdicts.violations()).as("requests the %s spec refuses", flavourName).isEmpty();
            softly.assertThat(verdicts.setAside().keySet()).as("no named defect outlived the requests it excused")
                    .containsExactlyInAnyOrderElementsOf(defects.stream().map(SpecDefect::name).toList());
        });
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
