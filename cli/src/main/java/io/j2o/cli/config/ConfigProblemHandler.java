package io.j2o.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns each unknown key and each value of the wrong type into a problem with its path and line, then lets Jackson
 * carry on (the value left empty) so that one reading finds every mistake in the file.
 */
final class ConfigProblemHandler extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object beanOrClass, String propertyName) throws IOException {
        Collection<Object> known = deserializer.getKnownPropertyNames();
        String hint = known == null || known.isEmpty() ? "" : "; known keys: " + String.join(", ", new TreeSet<>(known.stream().map(String::valueOf).toList()));
        // p may replay a buffer (records read unknown keys last); the live parser has just closed the record.
        String recordPath = ConfigReading.pathOf(ctxt.getParser());
        String path = recordPath.equals(ConfigReading.TOP_LEVEL) ? propertyName : recordPath + "." + propertyName;
        ConfigReading reading = ConfigReading.of(ctxt);
        reading.add(path, "unknown key at line " + reading.lineOfKey(path) + hint);
        p.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                         String failureMsg) {
        return refuse(ctxt, targetType, "'" + valueToConvert + "'");
    }

    @Override
    public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                         String failureMsg) {
        return refuse(ctxt, targetType, String.valueOf(valueToConvert));
    }

    @Override
    public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                        String failureMsg) throws IOException {
        Object refused = refuse(ctxt, targetType.getRawClass(), describe(t, p));
        p.skipChildren();
        return refused;
    }

    @Override
    public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass, ValueInstantiator valueInsta,
                                            JsonParser p, String msg) throws IOException {
        Object refused = refuse(ctxt, instClass, describe(p.currentToken(), p));
        p.skipChildren();
        return refused;
    }

    /** Records the problem; the empty value then falls back to the default or to a "must be set". */
    private static Object refuse(DeserializationContext ctxt, Class<?> targetType, String seen) {
        JsonParser p = ctxt.getParser();
        ConfigReading.of(ctxt).add(ConfigReading.pathOf(p),
                "must be " + expected(targetType) + ", was " + seen + " (line " + ConfigReading.lineOf(p) + ")");
        return null;
    }

    private static String describe(JsonToken token, JsonParser p) throws IOException {
        if (token == JsonToken.START_OBJECT || token == JsonToken.FIELD_NAME) {
            return "a mapping";
        }
        if (token == JsonToken.START_ARRAY) {
            return "a list";
        }
        if (token == JsonToken.VALUE_STRING) {
            return "'" + p.getText() + "'";
        }
        return token == null || token == JsonToken.VALUE_NULL ? "empty" : p.getText();
    }

    private static String expected(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class) {
            return "a whole number";
        }
        if (type == Duration.class) {
            return ConfigDurations.EXPECTED;
        }
        if (type == String.class || type == Secret.class) {
            return "a text value";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }
}
