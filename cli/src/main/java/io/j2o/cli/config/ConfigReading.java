package io.j2o.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of reading one configuration file: where references are resolved from, and every problem found so far,
 * each with its path. Jackson hands it to our deserializers and problem handler as a context attribute.
 */
final class ConfigReading {

    static final String TOP_LEVEL = "(top level)";

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z]+):([^}]*)}");

    private final Function<String, String> environment;
    private final Path baseDir;
    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<String> pathsWithProblems = new HashSet<>();
    private final Set<String> secretValues = new HashSet<>();
    private final Map<String, Integer> keyLines = new HashMap<>();

    ConfigReading(Function<String, String> environment, Path baseDir) {
        this.environment = environment;
        this.baseDir = baseDir;
    }

    static ConfigReading of(DeserializationContext ctxt) {
        return (ConfigReading) ctxt.getAttribute(ConfigReading.class);
    }

    /**
     * Replaces every {@code ${env:NAME}} and {@code ${file:PATH}} in {@code text} (file content trimmed, relative paths
     * against the configuration file's folder); returns null, with a problem at {@code path}, when one cannot be read.
     */
    String resolve(String path, String text) {
        Matcher reference = REFERENCE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        boolean failed = false;
        while (reference.find()) {
            String value = lookUp(path, reference.group(1), reference.group(2));
            if (value == null) {
                failed = true;
                continue;
            }
            secretValues.add(value);
            reference.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        reference.appendTail(resolved);
        return failed ? null : resolved.toString();
    }

    private String lookUp(String path, String scheme, String name) {
        switch (scheme) {
            case "env" -> {
                String value = environment.apply(name);
                if (value == null) {
                    add(path, "environment variable " + name + " is not set");
                }
                return value;
            }
            case "file" -> {
                Path file = baseDir.resolve(name);
                try {
                    return Files.readString(file, StandardCharsets.UTF_8).trim();
                } catch (IOException e) {
                    add(path, "cannot read file " + file + " (" + e.getClass().getSimpleName() + ")");
                    return null;
                }
            }
            default -> {
                add(path, "unknown reference ${" + scheme + ":…}; use ${env:NAME} or ${file:PATH}");
                return null;
            }
        }
    }

    /** A problem at a path of the file, e.g. {@code loader.concurrency}; the first one found for a path is kept. */
    void add(String path, String problem) {
        if (pathsWithProblems.add(path)) {
            problems.add(path + ": " + problem);
        }
    }

    /**
     * Notes the line of every key, because Jackson reads the unknown keys of a record only after the record, from
     * a buffer that has forgotten where they were.
     *
     * @throws JsonProcessingException when the text is not YAML at all
     */
    void indexLines(JsonParser p) throws IOException {
        for (JsonToken token = p.nextToken(); token != null; token = p.nextToken()) {
            if (token == JsonToken.FIELD_NAME) {
                keyLines.putIfAbsent(pathOf(p), lineOf(p));
            }
        }
    }

    /** The line of a key, e.g. {@code 12}, or {@code ?} if unknown. */
    String lineOfKey(String path) {
        Integer line = keyLines.get(path);
        return line == null ? "?" : line.toString();
    }

    /**
     * A problem some validated record reported as {@code path: problem}; dropped when that path already has one,
     * because a value we refused while reading leaves a default or nothing behind, which is not news.
     */
    void addReported(String message) {
        int colon = message.indexOf(": ");
        if (colon < 0 || !pathsWithProblems.contains(message.substring(0, colon))) {
            problems.add(message);
        }
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Every problem in the order found, with any resolved secret blanked out should a message have echoed it. */
    List<String> problems() {
        List<String> masked = new ArrayList<>();
        for (String problem : problems) {
            String text = problem;
            for (String secret : secretValues) {
                if (!secret.isEmpty()) {
                    text = text.replace(secret, Secret.MASK);
                }
            }
            masked.add(text);
        }
        return masked;
    }

    /** The dotted path of the value the parser is on, e.g. {@code loader.concurrency} or {@code extractor.projects[2]}. */
    static String pathOf(JsonParser p) {
        List<String> parts = new ArrayList<>();
        JsonStreamContext start = p.getParsingContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
            // Jackson has already entered the value's own context; the path names the key that holds it.
            start = start.getParent();
        }
        for (JsonStreamContext context = start; context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inArray()) {
                parts.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.getCurrentName() != null) {
                parts.add(0, context.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            if (path.length() > 0 && !part.startsWith("[")) {
                path.append('.');
            }
            path.append(part);
        }
        return path.isEmpty() ? TOP_LEVEL : path.toString();
    }

    static int lineOf(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }
}
