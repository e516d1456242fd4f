package io.j2o.extractor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.j2o.sandbox.jira.JiraSeedDirectory;
import io.j2o.sandbox.jira.JiraSeedReport;
import io.j2o.sandbox.jira.JiraSimulator;
import io.j2o.sandbox.kafka.EmbeddedKafka;
import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import io.j2o.schemas.avro.JiraEntityEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance on real Jira payloads: every issue found anywhere in {@code shared/acceptance/jira-real} is either
 * published by the extractor, unchanged, or listed by the seed loader with a precise reason. Each source folder is
 * its own Jira site (their keys and ids collide), served by its own simulator into the same topics.
 */
@ExtendWith(EmbeddedKafkaExtension.class)
class RealJiraPayloadsAcceptanceIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** An issue-shaped object found in a file: outermost object with a textual key and fields, or an id and its issue self. */
    private record Found(Path file, String key, String id, JsonNode fields) {
    }

    @Test
    void everyRealIssueIsPublishedOrRejectedWithAReason(EmbeddedKafka kafka) throws Exception {
        Path corpus = Path.of(System.getProperty("j2o.shared.dir", "../shared"), "acceptance", "jira-real");
        assumeTrue(Files.isDirectory(corpus), "the real Jira payloads are not at " + corpus.toAbsolutePath()
                + " (set -Dj2o.shared.dir); skipping the acceptance run");

        List<String> lost = new ArrayList<>();
        List<String> tally = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        int[] totals = new int[5];
        try (ExtractorRig rig = new ExtractorRig(kafka)) {
            for (Path siteDir : subfolders(corpus)) {
                String site = siteDir.getFileName().toString();
                JiraSeedDirectory.Seed seed = JiraSeedDirectory.load(siteDir);
                JiraSeedReport report = seed.report();
                int served = seed.dataset().issues().size();
                if (served > 0) {
                    try (JiraSimulator jira = new JiraSimulator(seed.dataset(), JiraSimulator.Options.defaults()).start()) {
                        rig.extractor(jira.baseUrl(), jira.options().email(), jira.options().apiToken(), site, 3).runOnce(false);
                    }
                }
                Map<String, JiraEntityEvent> published = rig.issueEvents().stream()
                        .filter(event -> event.getSource().getSite().equals(site))
                        .collect(Collectors.toMap(JiraEntityEvent::getJiraId, event -> event, (a, b) -> {
                            lost.add(site + ": issue id " + a.getJiraId() + " published twice");
                            return b;
                        }));
                List<Found> found = findIssues(siteDir);
                int publishedCount = 0;
                int rejectedCount = 0;
                for (Found issue : found) {
                    Optional<JiraSeedReport.Problem> reason = reasonFor(report, issue);
                    if (reason.isPresent()) {
                        rejectedCount++;
                        rejections.add(site + "/" + reason.get());
                        continue;
                    }
                    JiraEntityEvent event = issue.id() == null ? null : published.get(issue.id());
                    if (event == null || !issue.key().equals(event.getJiraKey())) {
                        lost.add(site + "/" + issue.file() + " [" + issue.key() + "]: neither published nor reported");
                    } else if (!withoutAddedWatchers(MAPPER.readTree(event.getPayload()).get("fields")).equals(issue.fields())) {
                        lost.add(site + "/" + issue.file() + " [" + issue.key() + "]: published with other fields than the file's");
                    } else {
                        publishedCount++;
                    }
                }
                assertThat(published).as("%s: one event per served issue", site).hasSize(served);
                long files = report.recognised().size() + report.problems().stream().filter(p -> p.key() == null).count();
                tally.add(String.format("%-40s files=%3d issues found=%3d published=%3d rejected=%3d synthesised projects=%s",
                        site, files, found.size(), publishedCount, rejectedCount, report.synthesisedProjects()));
                totals[0] += (int) files;
                totals[1] += found.size();
                totals[2] += publishedCount;
                totals[3] += rejectedCount;
                totals[4] += (int) report.problems().stream().filter(p -> p.key() == null).count();
            }
        }
        System.out.println("== real Jira payloads: acceptance tally ==");
        tally.forEach(System.out::println);
        System.out.printf("TOTAL files=%d issues found=%d published=%d rejected=%d files not loaded=%d%n",
                totals[0], totals[1], totals[2], totals[3], totals[4]);
        System.out.println("== rejected issue payloads, with reasons ==");
        rejections.forEach(System.out::println);

        assertThat(lost).as("issues that disappeared silently").isEmpty();
        assertThat(totals[1]).as("issue-shaped payloads in the corpus").isEqualTo(totals[2] + totals[3]);
        assertThat(totals[2]).as("published from real payloads").isPositive();
    }

    /**
     * The published fields less what the extractor adds on purpose: Jira embeds only how many watch an issue, and the
     * extractor writes the watchers it read from {@code /issue/{id}/watchers} into {@code fields.watches.watchers}.
     */
    private static JsonNode withoutAddedWatchers(JsonNode fields) {
        JsonNode copy = fields.deepCopy();
        if (copy.path("watches") instanceof com.fasterxml.jackson.databind.node.ObjectNode watches) {
            watches.remove("watchers");
        }
        return copy;
    }

    /** The loader's reason for leaving this issue out: about the issue itself, or about its whole file. */
    private static Optional<JiraSeedReport.Problem> reasonFor(JiraSeedReport report, Found issue) {
        return report.problems().stream()
                .filter(problem -> problem.file().equals(issue.file()))
                .filter(problem -> problem.key() == null || problem.key().equals(issue.key()))
                .findFirst();
    }

    /** Every outermost issue-shaped object in every JSON file, found independently of the loader's shape rules. */
    private static List<Found> findIssues(Path siteDir) throws IOException {
        List<Found> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(siteDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json;
                try {
                    json = MAPPER.readTree(file.toFile());
                } catch (IOException unreadable) {
                    continue; // the loader must report the file; an unreadable file yields no issue to account for
                }
                collect(siteDir.relativize(file), json, found);
            }
        }
        return found;
    }

    private static void collect(Path file, JsonNode node, List<Found> found) {
        if (node.isObject() && node.path("key").isTextual() && (node.path("fields").isObject()
                || node.path("id").isValueNode() && node.path("self").asText("").endsWith("/issue/" + node.get("id").asText()))) {
            String id = node.path("id").isValueNode() ? node.get("id").asText() : null;
            found.add(new Found(file, node.get("key").asText(), id, node.get("fields")));
            return;
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(file, child, found));
        }
    }

    private static List<Path> subfolders(Path corpus) throws IOException {
        try (Stream<Path> entries = Files.list(corpus)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        }
    }
}
