package io.j2o.sandbox.openproject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bundles a multi-file OpenAPI document into one JSON document. Files under {@code components/<kind>/} become
 * {@code #/components/<kind>/<file>} (so recursive schemas stay references); every other file is inlined.
 * Why not let swagger-parser follow the relative refs: on OpenProject's 540 files it needs minutes, and it rejects
 * the root's {@code tags: [$ref]} entries, which a served spec ({@code /api/v3/spec.json}) has inlined.
 */
public final class OpenApiBundle {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path root;
    private final Map<String, ObjectNode> components = new LinkedHashMap<>();

    private OpenApiBundle(Path root) {
        this.root = root.toAbsolutePath().normalize().getParent();
    }

    public static String toJson(Path specification) {
        OpenApiBundle bundle = new OpenApiBundle(specification);
        Path file = specification.toAbsolutePath().normalize();
        ObjectNode document = (ObjectNode) bundle.walk(bundle.read(file), file.getParent());
        ObjectNode target = document.with("components");
        bundle.components.forEach((kind, entries) -> target.with(kind).setAll(entries));
        return document.toString();
    }

    private JsonNode walk(JsonNode node, Path directory) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                return resolve(directory.resolve(ref.asText()).normalize());
            }
            ObjectNode copy = YAML.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), walk(e.getValue(), directory)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(element -> copy.add(walk(element, directory)));
            return copy;
        }
        return node;
    }

    private JsonNode resolve(Path file) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() == 3 && relative.getName(0).toString().equals("components")) {
            String kind = relative.getName(1).toString();
            String name = relative.getName(2).toString().replaceFirst("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9._-]", "_");
            ObjectNode entries = components.computeIfAbsent(kind, k -> YAML.createObjectNode());
            if (!entries.has(name)) {
                entries.putObject(name); // placeholder first: a schema may reach itself again
                entries.set(name, walk(read(file), file.getParent()));
            }
            return YAML.createObjectNode().put("$ref", "#/components/" + kind + "/" + name);
        }
        return walk(read(file), file.getParent());
    }

    private JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
