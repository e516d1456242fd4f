package io.j2o.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;

/** How the scalars of our configuration are read: references resolved in text, secrets wrapped, durations parsed. */
final class ConfigDeserializers {

    private ConfigDeserializers() {
    }

    static SimpleModule module() {
        return new SimpleModule("j2o-config")
                .addDeserializer(String.class, new TextDeserializer())
                .addDeserializer(Secret.class, new SecretDeserializer())
                .addDeserializer(Duration.class, new DurationDeserializer());
    }

    /** The scalar's text with its references resolved, or null after a problem has been recorded. */
    private static String text(JsonParser p, DeserializationContext ctxt, Class<?> target) throws IOException {
        if (!p.currentToken().isScalarValue()) {
            return (String) ctxt.handleUnexpectedToken(target, p);
        }
        return ConfigReading.of(ctxt).resolve(ConfigReading.pathOf(p), p.getValueAsString());
    }

    /** Any text value, e.g. a URL or a SASL JAAS line; references work everywhere, not only in secret fields. */
    private static final class TextDeserializer extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return text(p, ctxt, String.class);
        }
    }

    private static final class SecretDeserializer extends JsonDeserializer<Secret> {
        @Override
        public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = text(p, ctxt, Secret.class);
            return value == null || value.isBlank() ? null : new Secret(value);
        }
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = text(p, ctxt, Duration.class);
            if (value == null) {
                return null;
            }
            try {
                return ConfigDurations.parse(value);
            } catch (IllegalArgumentException e) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, value, e.getMessage());
            }
        }
    }
}
