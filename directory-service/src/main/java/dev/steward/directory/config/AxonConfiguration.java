package dev.steward.directory.config;

import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.common.IdGenerator;
import java.util.UUID;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/**
 * Axon on Spring Boot: every event handler in a pooled streaming processor that stops and retries on failure (a
 * projection or the Kafka publisher never skips an event), command origins copied from commands to their events,
 * domain errors carried across the command bus as error codes.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    @Bean
    ConfigurerModule pooledStreamingProcessors(@Value("${steward.directory.processor-segments:4}") int segments) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .usingPooledStreamingEventProcessors((configuration, builder) -> builder.initialSegmentCount(segments))
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance()));
    }

    /** Copies the initiator and correlation id of a command onto the events it causes. */
    @Bean
    CorrelationDataProvider commandOriginCorrelation() {
        return new SimpleCorrelationDataProvider(CommandOrigin.KEYS.toArray(String[]::new));
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    /** Events written by a newer version may carry properties this one does not know: read them anyway. */
    @Bean
    Jackson3SerializerCustomizer tolerantEventReader() {
        return builder -> builder.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    DirectoryErrorInterceptor directoryErrorInterceptor(CommandBus commandBus) {
        DirectoryErrorInterceptor interceptor = new DirectoryErrorInterceptor();
        commandBus.registerHandlerInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    IdGenerator idGenerator() {
        return () -> UUID.randomUUID().toString();
    }
}
