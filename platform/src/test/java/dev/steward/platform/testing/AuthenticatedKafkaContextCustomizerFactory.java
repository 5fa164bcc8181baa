package dev.steward.platform.testing;

import dev.steward.platform.kafka.access.KafkaPrincipal;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.MapPropertySource;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Starts the {@link TestKafka} of a test class annotated with {@link AuthenticatedKafka}. */
public class AuthenticatedKafkaContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        AuthenticatedKafka annotation = AnnotatedElementUtils.findMergedAnnotation(testClass, AuthenticatedKafka.class);
        return annotation == null ? null : new Customizer(annotation.principal(), annotation.partitions());
    }

    private static final class Customizer implements ContextCustomizer {

        private final KafkaPrincipal principal;
        private final int partitions;

        Customizer(KafkaPrincipal principal, int partitions) {
            this.principal = principal;
            this.partitions = partitions;
        }

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestKafka kafka = TestKafka.start(partitions);
            var beans = context.getBeanFactory();
            beans.registerSingleton("testKafka", kafka);
            beans.registerSingleton(EmbeddedKafkaBroker.BEAN_NAME, kafka.broker());
            ((DefaultSingletonBeanRegistry) beans).registerDisposableBean("testKafka", kafka::close);
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("authenticatedKafka", kafka.serviceProperties(principal)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer that && that.principal == principal && that.partitions == partitions;
        }

        @Override
        public int hashCode() {
            return Objects.hash(principal, partitions);
        }
    }
}
