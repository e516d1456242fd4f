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
 * Converts every ADF document found in the captured real Jira payloads ({@code acceptance/jira-real}): issue
 * descriptions, comment bodies and standalone documents, wherever they sit in the JSON.
 */
class AdfRealPayloadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRealAdfDocumentConvertsWithoutException() throws IOException {
        Path corpus = Path.of(System.getProperty("j2o.shared.dir", "../shared"), "acceptance", "jira-real");
        assumeTrue(Files.isDirectory(corpus), "real Jira payloads not found at " + corpus.toAbsolutePath()
                + " (set j2o.shared.dir to the shared folder to run this test)");
        List<Found> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = readOrNull(file);
                if (json != null) {
                    collectDocs(json, corpus.relativize(file) + "#", documents);
                }
            }
        }
        assertThat(documents).as("the corpus holds ADF descriptions and comments (INVENTORY.md)").hasSizeGreaterThanOrEqualTo(4);

        AdfToMarkdown converter = new AdfToMarkdown();
        Map<String, Integer> nodeTypes = new TreeMap<>();
        Map<String, Integer> warnings = new TreeMap<>();
        for (Found found : documents) {
            assertThatCode(() -> {
                Markdown markdown = converter.convertWithWarnings(found.adf());
                assertThat(markdown.text()).as(found.where()).isNotBlank();
                markdown.warnings().forEach(w -> warnings.merge(w.substring(w.indexOf(": ") + 2), 1, Integer::sum));
            }).as(found.where()).doesNotThrowAnyException();
            countTypes(found.adf(), nodeTypes);
        }
        System.out.printf("ADF documents: %d%nnode types: %s%nwarnings: %s%n", documents.size(), nodeTypes, warnings);
    }

    /** Captured files include one that is malformed on purpose; it holds no ADF, so it is skipped, not failed. */
    private static JsonNode readOrNull(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            return null;
        }
    }

    private static void collectDocs(JsonNode node, String where, List<Found> out) {
        if (node.isObject() && "doc".equals(node.path("type").asText()) && node.path("content").isArray()) {
            out.add(new Found(where, node));
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collectDocs(field.getValue(), where + "/" + field.getKey(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectDocs(node.get(i), where + "/" + i, out);
            }
        }
    }

    private static void countTypes(JsonNode node, Map<String, Integer> counts) {
        if (node.path("type").isTextual()) {
            counts.merge(node.path("type").asText(), 1, Integer::sum);
        }
        node.path("content").forEach(child -> countTypes(child, counts));
        node.path("marks").forEach(mark -> counts.merge("mark:" + mark.path("type").asText(), 1, Integer::sum));
    }

    private record Found(String where, JsonNode adf) {
    }
}
