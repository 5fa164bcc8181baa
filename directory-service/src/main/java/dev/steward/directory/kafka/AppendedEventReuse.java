package dev.steward.directory.kafka;

import dev.steward.directory.common.RecentlyAppendedEvents;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.stereotype.Component;

/**
 * Hands the publisher the event objects this instance appended ({@link RecentlyAppendedEvents}) in place of the
 * serialized copies it reads back from the store: same identifier, token, payload and metadata, without
 * deserializing them again. Anything not held is published from the store as before.
 */
@Component
class AppendedEventReuse implements ConfigurerModule {

    private final RecentlyAppendedEvents recentlyAppended;

    AppendedEventReuse(RecentlyAppendedEvents recentlyAppended) {
        this.recentlyAppended = recentlyAppended;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                DirectoryEventPublisher.PROCESSING_GROUP, configuration -> reuseAppended()));
    }

    MessageHandlerInterceptor<EventMessage<?>> reuseAppended() {
        return (unitOfWork, chain) -> {
            unitOfWork.transformMessage(this::appendedCopy);
            return chain.proceed();
        };
    }

    private EventMessage<?> appendedCopy(EventMessage<?> read) {
        if (!(read instanceof TrackedEventMessage<?> tracked)) {
            return read;
        }
        return recentlyAppended.take(read.getIdentifier())
                .<EventMessage<?>>map(appended -> copy(tracked, appended))
                .orElse(read);
    }

    /** The store keeps timestamps to the millisecond: the read one is used, so a replay publishes the same time. */
    private static <T> EventMessage<T> copy(TrackedEventMessage<?> read, DomainEventMessage<T> appended) {
        return new GenericTrackedDomainEventMessage<>(read.trackingToken(), appended.getType(),
                appended.getAggregateIdentifier(), appended.getSequenceNumber(), appended, read::getTimestamp);
    }
}
