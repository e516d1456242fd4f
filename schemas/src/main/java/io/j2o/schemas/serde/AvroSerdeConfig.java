package io.j2o.schemas.serde;

import java.util.Map;

/**
 * How an Avro serde names its subject and whether it may register schemas.
 *
 * @param key          true for a record-key serde (subject {@code <topic>-key}), false for values ({@code -value})
 * @param autoRegister true to register the writer schema on first use; false to only look it up, so a producer
 *                     cannot create or evolve a subject (the usual production setting with a locked registry)
 */
public record AvroSerdeConfig(boolean key, boolean autoRegister) {

    /** Confluent's property name, honoured when Kafka configures the serde from client properties. */
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

    /** A value serde that registers its schema: the default. */
    public static final AvroSerdeConfig VALUE = new AvroSerdeConfig(false, true);
    /** A key serde that registers its schema. */
    public static final AvroSerdeConfig KEY = new AvroSerdeConfig(true, true);

    public AvroSerdeConfig withAutoRegister(boolean newAutoRegister) {
        return new AvroSerdeConfig(key, newAutoRegister);
    }

    /** The subject under TopicNameStrategy. */
    public String subject(String topic) {
        return topic + (key ? "-key" : "-value");
    }

    /** This configuration as Kafka's {@code configure(configs, isKey)} asks for it. */
    AvroSerdeConfig configured(Map<String, ?> configs, boolean isKey) {
        Object auto = configs.get(AUTO_REGISTER_SCHEMAS);
        return new AvroSerdeConfig(isKey, auto == null ? autoRegister : Boolean.parseBoolean(auto.toString()));
    }
}
