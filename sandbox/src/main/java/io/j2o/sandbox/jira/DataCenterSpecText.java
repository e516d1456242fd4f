package io.j2o.sandbox.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Atlassian's Data Center OpenAPI document as a validator can read it: some of its operation ids repeat (a generator
 * defect the parser refuses), so each repeat gets a numbered suffix; nothing else changes. Shared by the simulator's
 * and the extractor's contract tests.
 */
public final class DataCenterSpecText {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataCenterSpecText() {
    }

    /** The spec's text with each repeated {@code operationId} given a numbered suffix. */
    public static String withUniqueOperationIds(Path spec) {
        try {
            JsonNode root = JSON.readTree(spec.toFile());
            Set<String> seen = new HashSet<>();
            root.path("paths").forEach(pathItem -> pathItem.forEach(operation -> {
                if (operation instanceof ObjectNode op && op.hasNonNull("operationId")) {
                    String id = op.get("operationId").asText();
                    String unique = id;
                    for (int n = 2; !seen.add(unique); n++) {
                        unique = id + "_" + n;
                    }
                    op.put("operationId", unique);
                }
            }));
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + spec, e);
        }
    }
}
