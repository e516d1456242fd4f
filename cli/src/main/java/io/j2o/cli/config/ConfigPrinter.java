package io.j2o.cli.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

/** Writes the effective configuration, defaults filled in and every credential shown as {@code ****}. */
public final class ConfigPrinter {

    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .build())
            .addModule(new SimpleModule("j2o-config-print")
                    .addSerializer(Secret.class, new MaskedSecret())
                    .addSerializer(Duration.class, ToStringSerializer.instance))
            .build();

    private ConfigPrinter() {
    }

    public static String toYaml(J2oConfig config) {
        ObjectNode tree = YAML.valueToTree(config);
        ((ObjectNode) tree.get("kafka")).set("properties", YAML.valueToTree(config.kafka().maskedProperties()));
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class MaskedSecret extends JsonSerializer<Secret> {
        @Override
        public void serialize(Secret secret, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(Secret.MASK);
        }
    }
}
