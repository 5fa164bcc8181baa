package dev.steward.directory.config;

import dev.steward.directory.common.AggregateVersionInterceptor;
import dev.steward.directory.common.BatchedWrites;
import dev.steward.directory.common.ReadModels;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.common.DirectoryErrorInterceptor;
import dev.steward.directory.common.IdGenerator;
import dev.steward.directory.common.RecentlyAppendedEvents;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;

/**
 * Axon on Spring Boot: the read models in subscribing processors (same transaction as the events, so every write is
 * visible to the next read and an event a read model refuses is never stored); every other handler (the Kafka
 * publisher) in a pooled streaming processor that stops and retries on failure; command origins copied from
 * commands to their events; domain errors carried across the command bus as error codes; aggregate versions reported
 * to the commands that ask.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {


    @Bean
    ConfigurerModule eventProcessors(@Value("${steward.directory.processor-segments:4}") int segments,
                                     @Value("${steward.directory.processor-batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> {
            processing
                    .usingPooledStreamingEventProcessors((configuration, builder) -> builder
                            .initialSegmentCount(segments).batchSize(batchSize))
                    .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
            // the read models the HTTP API and the command side's set-based checks read: in the events' transaction
            processing.registerSubscribingEventProcessor(ReadModels.PROCESSING_GROUP);
        });
    }

    /**
     * Groups stay in memory between commands (a 100,000-member group is 100 membership events to replay): a
     * weak-reference cache, so memory pressure can always reclaim them.
     */
    @Bean
    Cache groupCache() {
        return new WeakReferenceCache();
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
    AggregateVersionInterceptor aggregateVersionInterceptor(CommandBus commandBus, EventStore eventStore) {
        AggregateVersionInterceptor interceptor = new AggregateVersionInterceptor(eventStore);
        commandBus.registerHandlerInterceptor(interceptor);
        return interceptor;
    }

    /** Axon's JPA event store as its auto-configuration builds it, writing a Kafka command batch's events together. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager, BatchedWrites writes,
                                          RecentlyAppendedEvents recentlyAppended) {
        return new BatchingJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), writes, recentlyAppended);
    }

    @Bean
    IdGenerator idGenerator() {
        return () -> UUID.randomUUID().toString();
    }
}
