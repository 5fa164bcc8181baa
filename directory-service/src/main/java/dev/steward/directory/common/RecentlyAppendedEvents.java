package dev.steward.directory.common;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The events this instance appended lately, as they were before they were serialized, so that the Kafka publisher
 * (a streaming processor reading the store) need not deserialize what was serialized a moment ago. Bounded by the
 * serialized size of what it holds ({@code steward.directory.recent-events-bytes}); an event that is not here (read
 * by another instance, evicted, replayed, or published a second time after a failed batch) is simply deserialized
 * from the store as usual, so nothing depends on it but speed.
 */
@Component
public class RecentlyAppendedEvents {

    private final long capacityBytes;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private long heldBytes;

    private record Held(DomainEventMessage<?> event, long bytes) {
    }

    public RecentlyAppendedEvents(@Value("${steward.directory.recent-events-bytes:16000000}") long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    /** An event was appended; {@code serializedBytes} is what it takes in the store (payload and metadata). */
    public synchronized void remember(DomainEventMessage<?> event, long serializedBytes) {
        if (serializedBytes > capacityBytes / 4) {
            return;
        }
        Held previous = held.put(event.getIdentifier(), new Held(event, serializedBytes));
        heldBytes += serializedBytes - (previous == null ? 0 : previous.bytes());
        Iterator<Held> oldestFirst = held.values().iterator();
        while (heldBytes > capacityBytes && oldestFirst.hasNext()) {
            heldBytes -= oldestFirst.next().bytes();
            oldestFirst.remove();
        }
    }

    /** The appended event with this id, at most once. */
    public synchronized Optional<DomainEventMessage<?>> take(String eventIdentifier) {
        Held taken = held.remove(eventIdentifier);
        if (taken == null) {
            return Optional.empty();
        }
        heldBytes -= taken.bytes();
        return Optional.of(taken.event());
    }

    synchronized int size() {
        return held.size();
    }
}
