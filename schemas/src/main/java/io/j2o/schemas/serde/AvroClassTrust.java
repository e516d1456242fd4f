package io.j2o.schemas.serde;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Declares to Avro's class validator the generated classes a serde was built for, and nothing else.
 *
 * <p>Since 1.12.2 Avro refuses to load any class named by a schema unless it is trusted (by system property or
 * by {@link ClassSecurityValidator#setGlobal}); reading a {@code SpecificRecord} loads the record class and every
 * nested record and enum class by name. The class a serde is constructed with is the application's own choice,
 * so trusting exactly it and the types its schema references keeps the protection against names arriving in
 * foreign writer schemas while sparing every JVM that runs j2o a system property.
 */
final class AvroClassTrust {

    private static final Set<String> TRUSTED = ConcurrentHashMap.newKeySet();
    private static final Object INSTALL_LOCK = new Object();
    private static volatile boolean installed;

    private AvroClassTrust() {
    }

    static void trust(Schema schema) {
        collect(schema, TRUSTED);
        if (!installed) {
            synchronized (INSTALL_LOCK) {
                if (!installed) {
                    ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                            ClassSecurityValidator.getGlobal(), type -> TRUSTED.contains(type.getName())));
                    installed = true;
                }
            }
        }
    }

    private static void collect(Schema schema, Set<String> names) {
        switch (schema.getType()) {
            case RECORD -> {
                if (names.add(SpecificData.getClassName(schema))) {
                    schema.getFields().forEach(field -> collect(field.schema(), names));
                }
            }
            case ENUM, FIXED -> names.add(SpecificData.getClassName(schema));
            case UNION -> schema.getTypes().forEach(branch -> collect(branch, names));
            case ARRAY -> collect(schema.getElementType(), names);
            case MAP -> collect(schema.getValueType(), names);
            default -> {
                // Primitive types load no class.
            }
        }
    }
}
