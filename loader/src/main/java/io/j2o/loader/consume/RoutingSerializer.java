package io.j2o.loader.consume;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Lets one idempotent producer write the loader's three output topics, each value with its own Avro serializer;
 * a null value stays null (a tombstone).
 */
final class RoutingSerializer implements Serializer<Object> {

    private final Map<Class<?>, Serializer<?>> byType;

    RoutingSerializer(Map<Class<?>, Serializer<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    @Override
    public byte[] serialize(String topic, Object value) {
        if (value == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Serializer<Object> serializer = (Serializer<Object>) byType.get(value.getClass());
        if (serializer == null) {
            throw new SerializationException("no serializer for " + value.getClass().getName() + " on topic " + topic);
        }
        return serializer.serialize(topic, value);
    }
}
