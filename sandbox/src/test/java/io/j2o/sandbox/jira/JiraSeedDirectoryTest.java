package io.j2o.sandbox.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.j2o.sandbox.jira.JiraSeedReport.Problem;
import io.j2o.sandbox.jira.JiraSeedReport.RecognisedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JiraSeedDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void recognisesEachFileByItsShapeAndReportsWhatItCannotUse() throws IOException {
        write("issue.json", issue("10001", "DC-1", "DC", "2024-01-02T10:11:12.123+0100", "v2 wiki *text*"));
        write("search-v3.json", "{\"issues\":[" + issue("10002", "DC-2", "DC", "2024-01-03T10:00:00.000Z", "x")
                + "],\"isLast\":true}");
        write("search-v2.json", "{\"startAt\":0,\"maxResults\":50,\"total\":2,\"issues\":["
                + issue("10003", "OTHER-1", "OTHER", null, "no updated") + ","
                + "{\"id\":\"10004\",\"key\":\"OTHER-2\",\"self\":\"http://jira/rest/agile/1.0/issue/10004\"}]}");
        write("older-copy.json", issue("10001", "DC-1", "DC", "2023-01-01T00:00:00.000+0000", "older"));
        write("collision.json", issue("99999", "DC-2", "DC", "2024-01-01T00:00:00.000+0000", "another site"));
        write("projects.json", "[{\"self\":\"http://jira/rest/api/2/project/DC\",\"id\":\"200\",\"key\":\"DC\",\"name\":\"Data Center\"},"
                + "{\"self\":\"http://jira/rest/api/2/project/NOID\",\"key\":\"NOID\",\"name\":\"No id\"}]");
        write("statuses.json", "[{\"self\":\"http://jira/rest/api/2/status/1\",\"id\":\"1\",\"name\":\"Open\",\"statusCategory\":{\"id\":2}}]");
        write("fields.json", "[{\"id\":\"summary\",\"name\":\"Summary\",\"custom\":false}]");
        write("broken.json", "{\"issues\": [ , ]}");
        write("stub.json", "{\"request\":{},\"response\":{\"body\":\"{}\"}}");
        write("data.csv", "a,b");

        JiraSeedDirectory.Seed seed = JiraSeedDirectory.load(dir);
        JiraSeedReport report = seed.report();

        assertThat(seed.dataset().issues()).extracting(i -> i.get("key").asText())
                .containsExactlyInAnyOrder("DC-1", "DC-2", "OTHER-1");
        assertThat(seed.dataset().issues()).filteredOn(i -> i.get("key").asText().equals("DC-1"))
                .singleElement().satisfies(i -> assertThat(i.at("/fields/description").asText()).isEqualTo("v2 wiki *text*"));
        assertThat(seed.dataset().projects()).extracting(p -> p.get("key").asText()).containsExactly("DC", "OTHER");
        assertThat(report.synthesisedProjects()).containsExactly("OTHER");
        assertThat(seed.dataset().statuses()).hasSize(1);
        assertThat(seed.dataset().siteUrl()).isEqualTo("http://jira");

        assertThat(report.recognised()).extracting(RecognisedFile::file, RecognisedFile::shape).contains(
                org.assertj.core.groups.Tuple.tuple(Path.of("issue.json"), "issue"),
                org.assertj.core.groups.Tuple.tuple(Path.of("search-v3.json"), "search page (v3 /search/jql)"),
                org.assertj.core.groups.Tuple.tuple(Path.of("search-v2.json"), "search page (v2 /search or agile)"),
                org.assertj.core.groups.Tuple.tuple(Path.of("fields.json"), "fields"));
        assertThat(report.recognised()).filteredOn(f -> f.shape().equals("fields")).allMatch(f -> !f.served());
        assertThat(report.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p).startsWith("broken.json: unreadable JSON"))
                .anySatisfy(p -> assertThat(p).startsWith("stub.json: unrecognised: a WireMock stub"))
                .anySatisfy(p -> assertThat(p).startsWith("data.csv: skipped"))
                .anySatisfy(p -> assertThat(p).startsWith("search-v2.json [OTHER-2]: the issue has no 'fields'"))
                .anySatisfy(p -> assertThat(p).startsWith("older-copy.json [DC-1]: same issue id 10001 as in issue.json"))
                .anySatisfy(p -> assertThat(p).startsWith("search-v3.json [DC-2]: key already held by issue id 99999 from collision.json"))
                .anySatisfy(p -> assertThat(p).startsWith("projects.json [NOID]: the project has no 'id'"));
    }

    @Test
    void seededSimulatorSearchesAndOrdersIssuesWhateverTheirDateFormat() throws IOException {
        write("a.json", issue("1", "P-1", "P", "2024-01-02T10:11:12.123+0100", "a"));
        write("b.json", issue("2", "P-2", "P", null, "b"));
        write("c.json", issue("3", "P-3", "P", "2024-01-02T09:00:00Z", "c"));
        write("d.json", issue("4", "P-4", "P", "2024-01-02T09:30:00.000+01:00", "d"));

        try (JiraSimulator simulator = new JiraSimulator(JiraSeedDirectory.load(dir).dataset(),
                JiraSimulator.Options.defaults()).start()) {
            JiraHttp http = new JiraHttp(simulator.baseUrl(), simulator.options().email(), simulator.options().apiToken());
            JsonNode page = http.get("/rest/api/3/search/jql", Map.of("jql", "project = P ORDER BY updated ASC, key ASC",
                    "fields", "*all")).body();
            List<String> keys = new ArrayList<>();
            page.get("issues").forEach(i -> keys.add(i.get("key").asText()));
            assertThat(keys).as("08:30Z, 09:00Z, 09:11Z, then the issue without 'updated'")
                    .containsExactly("P-4", "P-3", "P-1", "P-2");
            assertThat(http.get("/rest/api/3/project/search").body().at("/values/0/key").asText()).isEqualTo("P");
        }
    }

    @Test
    void projectClauseMatchesAKeyBeforeAnotherProjectsName() throws IOException {
        // Real capture (jira-ruby): project SAM is named "SAMPLEPROJECT", which is another project's key.
        write("a.json", issue("10000", "SAM-1", "SAM", "2024-01-02T10:00:00.000+0000", "a")
                .replace("\"name\":\"SAM\"", "\"name\":\"SAMPLEPROJECT\""));
        write("b.json", issue("10002", "SAMPLEPROJECT-1", "SAMPLEPROJECT", "2024-01-02T10:00:00.000+0000", "b"));
        try (JiraSimulator simulator = new JiraSimulator(JiraSeedDirectory.load(dir).dataset(),
                JiraSimulator.Options.defaults()).start()) {
            JiraHttp http = new JiraHttp(simulator.baseUrl(), simulator.options().email(), simulator.options().apiToken());
            assertThat(keys(http, "project = SAMPLEPROJECT")).containsExactly("SAMPLEPROJECT-1");
            assertThat(keys(http, "project = SAM")).containsExactly("SAM-1");
        }
    }

    private static List<String> keys(JiraHttp http, String jql) {
        List<String> keys = new ArrayList<>();
        http.get("/rest/api/3/search/jql", Map.of("jql", jql, "fields", "key")).body().get("issues")
                .forEach(i -> keys.add(i.get("key").asText()));
        return keys;
    }

    @Test
    void everyFileOfTheRealCorpusIsEitherRecognisedOrReported() throws IOException {
        Path corpus = Path.of(System.getProperty("j2o.shared.dir", "../shared"), "acceptance", "jira-real");
        assumeTrue(Files.isDirectory(corpus), "the real Jira payloads are not at " + corpus.toAbsolutePath());
        for (Path site : subfolders(corpus)) {
            JiraSeedReport report = JiraSeedDirectory.load(site).report();
            Set<Path> accounted = new HashSet<>();
            report.recognised().forEach(f -> accounted.add(f.file()));
            report.problems().stream().filter(p -> p.key() == null).forEach(p -> accounted.add(p.file()));
            try (Stream<Path> files = Files.walk(site)) {
                List<Path> data = files.filter(Files::isRegularFile).map(site::relativize)
                        .filter(f -> !f.toString().endsWith(".md")).toList();
                assertThat(accounted).as("files of %s", site.getFileName()).containsAll(data);
            }
        }
    }

    private static List<Path> subfolders(Path corpus) throws IOException {
        try (Stream<Path> entries = Files.list(corpus)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }

    private void write(String name, String json) throws IOException {
        Files.writeString(dir.resolve(name), json);
    }

    @Test
    void projectsOfDifferentSourcesSharingAnIdAreNotServedAsOneSite() throws IOException {
        write("site-a.json", "{\"issues\":[" + issue("1", "AB-1", "AB", "2024-01-02T10:11:12.123+0100", "a") + "]}");
        write("site-b.json", "{\"issues\":[" + issue("2", "CD-1", "CD", "2024-01-02T10:11:12.123+0100", "b") + "]}");

        JiraSeedDirectory.Seed seed = JiraSeedDirectory.load(dir);

        assertThat(seed.dataset().projects()).extracting(p -> p.get("key").asText()).containsExactly("AB");
        assertThat(seed.dataset().issues()).extracting(i -> i.get("key").asText()).containsExactly("AB-1");
        assertThat(seed.report().problems()).extracting(Object::toString)
                .anySatisfy(p -> assertThat(p).contains("[CD]").contains("project id 200 is already project AB's"))
                .anySatisfy(p -> assertThat(p).contains("site-b.json [CD-1]").contains("collides"));
    }

    private static String issue(String id, String key, String project, String updated, String description) {
        return "{\"id\":\"" + id + "\",\"self\":\"http://jira/rest/api/2/issue/" + id + "\",\"key\":\"" + key
                + "\",\"fields\":{\"summary\":\"s\",\"description\":\"" + description + "\","
                + "\"project\":{\"id\":\"" + project.length() + "00\",\"key\":\"" + project + "\",\"name\":\"" + project + "\"}"
                + (updated == null ? "" : ",\"updated\":\"" + updated + "\"") + "}}";
    }
}
