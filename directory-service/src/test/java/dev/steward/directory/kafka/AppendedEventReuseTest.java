package dev.steward.directory.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.directory.common.RecentlyAppendedEvents;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class AppendedEventReuseTest {

    private final RecentlyAppendedEvents recent = new RecentlyAppendedEvents(1_000_000);
    private final AppendedEventReuse reuse = new AppendedEventReuse(recent);

    /** What the processor reads back from the store: same id, millisecond timestamp, a token. */
    private static TrackedEventMessage<String> readBack(DomainEventMessage<String> appended, Instant storedTime) {
        DomainEventMessage<String> stored = new GenericDomainEventMessage<>(appended.getType(),
                appended.getAggregateIdentifier(), appended.getSequenceNumber(), "read from the store",
                Map.of(), appended.getIdentifier(), storedTime);
        return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(41), stored);
    }

    private EventMessage<?> handled(EventMessage<?> read) throws Exception {
        AtomicReference<EventMessage<?>> seen = new AtomicReference<>();
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(read);
        try {
            new DefaultInterceptorChain<>(unitOfWork, java.util.List.of(reuse.reuseAppended()), message -> {
                seen.set(message);
                return null;
            }).proceed();
        } finally {
            unitOfWork.commit();
        }
        return seen.get();
    }

    @Test
    void thePublisherGetsTheAppendedPayloadWithTheStoredTokenAndTimestamp() throws Exception {
        DomainEventMessage<String> appended = new GenericDomainEventMessage<>("Group", "g1", 3, "appended",
                Map.of("steward.correlationId", "c1"));
        recent.remember(appended, 100);
        Instant storedTime = Instant.parse("2026-11-30T12:00:00.123Z");

        EventMessage<?> handled = handled(readBack(appended, storedTime));

        assertThat(handled.getPayload()).isEqualTo("appended");
        assertThat(handled.getIdentifier()).isEqualTo(appended.getIdentifier());
        assertThat(handled.getMetaData()).containsEntry("steward.correlationId", "c1");
        assertThat(handled.getTimestamp()).isEqualTo(storedTime);
        assertThat(((TrackedEventMessage<?>) handled).trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(41));
        assertThat(((DomainEventMessage<?>) handled).getSequenceNumber()).isEqualTo(3);
    }

    @Test
    void anEventThisInstanceDidNotAppendIsPublishedAsReadFromTheStore() throws Exception {
        DomainEventMessage<String> elsewhere = new GenericDomainEventMessage<>("Group", "g2", 0, "other instance");
        TrackedEventMessage<String> read = readBack(elsewhere, Instant.now());

        assertThat(handled(read)).isSameAs(read);
    }
}
