package io.j2o.transformer.richtext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Converts every wiki-markup string in the captured real Jira payloads ({@code acceptance/jira-real}): v2 issue
 * descriptions ({@code fields.description}) and comment bodies ({@code body} next to an {@code author} or
 * {@code created}), wherever they sit in the JSON, and prints a tally of what degraded.
 */
class WikiRealPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRealWikiStringConvertsWithoutException() throws IOException {
        Path corpus = Path.of(System.getProperty("j2o.shared.dir", "../shared"), "acceptance", "jira-real");
        assumeTrue(Files.isDirectory(corpus), "real Jira payloads not found at " + corpus.toAbsolutePath()
                + " (set j2o.shared.dir to the shared folder to run this test)");
        List<Found> strings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = readOrNull(file);
                if (json != null) {
                    collect(json, corpus.relativize(file) + "#", strings);
                }
            }
        }
        assertThat(strings).as("the corpus holds wiki descriptions and comments (INVENTORY.md)").hasSizeGreaterThanOrEqualTo(50);

        WikiToMarkdown converter = new WikiToMarkdown();
        Map<String, Integer> warnings = new TreeMap<>();
        int degraded = 0;
        for (Found found : strings) {
            Markdown[] converted = new Markdown[1];
            assertThatCode(() -> converted[0] = converter.convertWithWarnings(found.wiki())).as(found.where()).doesNotThrowAnyException();
            if (!found.wiki().isBlank()) {
                assertThat(converted[0].text()).as(found.where()).isNotBlank();
            }
            if (!converted[0].warnings().isEmpty()) {
                degraded++;
                System.out.printf("degraded %s: %s%n", found.where(), converted[0].warnings());
            }
            converted[0].warnings().forEach(w -> warnings.merge(kind(w), 1, Integer::sum));
        }
        System.out.printf("wiki strings: %d, with warnings: %d%nwarnings by kind: %s%n", strings.size(), degraded, warnings);
    }

    /** The warning without its line number and the quoted text, so that alike warnings count together. */
    private static String kind(String warning) {
        return warning.substring(warning.indexOf(": ") + 2).replaceAll("'[^']*'", "'…'");
    }

    /** Captured files include one that is malformed on purpose; it holds no wiki markup, so it is skipped, not failed. */
    private static JsonNode readOrNull(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static void collect(JsonNode node, String where, List<Found> out) {
        if (node.isObject()) {
            JsonNode description = node.path("fields").path("description");
            if (description.isTextual()) {
                out.add(new Found(where + "/fields/description", description.asText()));
            }
            if (node.path("body").isTextual() && (node.has("author") || node.has("created"))) {
                out.add(new Found(where + "/body", node.path("body").asText()));
            }
            node.fields().forEachRemaining(field -> collect(field.getValue(), where + "/" + field.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), where + "/" + i, out);
            }
        }
    }

    private record Found(String where, String wiki) {
    }
}
