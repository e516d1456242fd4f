package io.j2o.extractor;

import io.j2o.sandbox.kafka.EmbeddedKafkaExtension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test its own {@link ExtractorRig} on the test JVM's broker, closed when the test ends together with the
 * extractors and simulators it made: the set-up and tear-down every extractor IT would otherwise repeat.
 */
final class ExtractorRigExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ExtractorRigExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ExtractorRig.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("rig",
                key -> new ClosableRig(new ExtractorRig(EmbeddedKafkaExtension.broker(context))), ClosableRig.class).rig();
    }

    /** Lets JUnit close the rig with the context it was made for. */
    private record ClosableRig(ExtractorRig rig) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            rig.close();
        }
    }
}
