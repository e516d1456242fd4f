package io.j2o.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.j2o.cli.pipeline.PipelineSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@code j2o.yaml} strictly and turns it into the settings of the three services, or fails with every problem
 * of the file at once: unknown keys, wrong types, unresolvable secrets, and whatever the services' own configuration
 * records refuse.
 */
public final class ConfigLoader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .addModule(ConfigDeserializers.module())
            .addHandler(new ConfigProblemHandler())
            .build();
    private static final ObjectReader READER = MAPPER.readerFor(J2oConfig.class);

    private final Function<String, String> environment;

    /** @param environment looks up {@code ${env:NAME}} references; null means "not set" */
    public ConfigLoader(Function<String, String> environment) {
        this.environment = environment;
    }

    public static ConfigLoader withSystemEnvironment() {
        return new ConfigLoader(System::getenv);
    }

    /** A configuration file read and checked, and the pipeline settings built from it. */
    public record Loaded(J2oConfig config, PipelineSettings settings) {
    }

    /** @throws ConfigException listing every problem of the file */
    public Loaded load(Path file) {
        Path absolute = file.toAbsolutePath();
        ConfigReading reading = new ConfigReading(environment, absolute.getParent());
        J2oConfig config = read(absolute, reading);
        PipelineSettings settings = config == null ? null : SettingsAssembler.assemble(config, absolute.getParent(), reading);
        if (reading.hasProblems() || settings == null) {
            throw new ConfigException(file.toString(), reading.problems());
        }
        return new Loaded(config, settings);
    }

    private static J2oConfig read(Path file, ConfigReading reading) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            reading.add("(file)", "not found: " + file);
            return null;
        } catch (IOException e) {
            reading.add("(file)", "cannot read " + file + ": " + e.getMessage());
            return null;
        }
        if (text.isBlank()) {
            reading.add("(file)", "is empty; see j2o.example.yaml");
            return null;
        }
        try (JsonParser keys = MAPPER.createParser(text)) {
            reading.indexLines(keys);
        } catch (JsonProcessingException e) {
            reading.add("(file)", "not valid YAML: " + withoutSnippets(e.getOriginalMessage()) + at(e));
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            J2oConfig config = READER.withAttribute(ConfigReading.class, reading).readValue(text);
            if (config == null) {
                reading.add("(file)", "holds nothing but comments; see j2o.example.yaml");
            }
            return config;
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            reading.add(path.isEmpty() ? "(top level)" : path, e.getOriginalMessage() + at(e));
            return null;
        } catch (JsonProcessingException e) {
            reading.add("(file)", "not valid YAML: " + e.getOriginalMessage() + at(e));
            return null;
        }
    }

    /** SnakeYAML's messages quote the offending text with a caret underneath, over several lines: keep the words. */
    private static String withoutSnippets(String message) {
        return message.lines()
                .filter(line -> !line.isBlank() && !line.startsWith(" ") && !line.contains("^"))
                .collect(Collectors.joining(", "));
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }
}
