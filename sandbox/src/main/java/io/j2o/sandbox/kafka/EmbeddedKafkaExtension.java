package io.j2o.sandbox.kafka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real Kafka broker: one per test JVM, started on first use and stopped when the JVM's tests end.
 * Tests keep apart by using their own topic prefixes and group ids. Use with {@code @ExtendWith} and take an
 * {@link EmbeddedKafka} parameter.
 */
public final class EmbeddedKafkaExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedKafka.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker(context);
    }

    /** The test JVM's broker, started on first use: for other extensions that build on it. */
    public static EmbeddedKafka broker(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> new ClosableBroker(EmbeddedKafka.start()), ClosableBroker.class)
                .kafka();
    }

    /** Lets JUnit stop the broker when the root context closes. */
    private record ClosableBroker(EmbeddedKafka kafka) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            kafka.close();
        }
    }
}
