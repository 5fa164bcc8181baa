package dev.steward.directory.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class RecentlyAppendedEventsTest {

    private static DomainEventMessage<String> event(String payload) {
        return new GenericDomainEventMessage<>("Group", "g1", 0, payload);
    }

    @Test
    void givesAnAppendedEventBackOnceByItsIdentifier() {
        RecentlyAppendedEvents recent = new RecentlyAppendedEvents(1_000);
        DomainEventMessage<String> appended = event("created");
        recent.remember(appended, 100);

        assertThat(recent.take(appended.getIdentifier())).containsSame(appended);
        assertThat(recent.take(appended.getIdentifier())).isEmpty();
        assertThat(recent.size()).isZero();
    }

    @Test
    void forgetsTheOldestEventsWhenTheirSerializedSizeExceedsTheCapacity() {
        RecentlyAppendedEvents recent = new RecentlyAppendedEvents(1_000);
        DomainEventMessage<String> oldest = event("a");
        DomainEventMessage<String> middle = event("b");
        DomainEventMessage<String> newest = event("c");
        recent.remember(oldest, 240);
        recent.remember(middle, 240);
        recent.take(middle.getIdentifier());
        recent.remember(newest, 240);
        for (int i = 0; i < 3; i++) {
            recent.remember(event("filler" + i), 240);
        }

        assertThat(recent.take(oldest.getIdentifier())).isEmpty();
        assertThat(recent.take(newest.getIdentifier())).containsSame(newest);
    }

    @Test
    void doesNotHoldAnEventLargerThanAQuarterOfTheCapacity() {
        RecentlyAppendedEvents recent = new RecentlyAppendedEvents(1_000);
        DomainEventMessage<String> large = event("a thousand member ids");
        recent.remember(large, 251);

        assertThat(recent.take(large.getIdentifier())).isEmpty();
    }
}
