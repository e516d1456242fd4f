package io.j2o.loader.consume;

import io.j2o.schemas.avro.Mapping;
import io.j2o.schemas.topics.CompactedTopicReader;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;

/**
 * The loader's memory of where each command key lives in OpenProject: loaded from the compacted mapping topic at
 * start, then kept current by the loader's own writes. It is the second idempotency layer, after the command.
 */
public final class MappingCache {

    private final Map<String, Mapping> byKey = new ConcurrentHashMap<>();

    public Optional<Mapping> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    public void put(String key, Mapping mapping) {
        byKey.put(key, mapping);
    }

    public void remove(String key) {
        byKey.remove(key);
    }

    public int size() {
        return byKey.size();
    }

    /** Reads the whole mapping topic up to its current end; tombstones remove entries. */
    public void loadFrom(Consumer<String, Mapping> consumer, String topic) {
        CompactedTopicReader.readToEnd(consumer, topic, (key, mapping) -> {
            if (mapping == null) {
                byKey.remove(key);
            } else {
                byKey.put(key, mapping);
            }
        });
    }
}
