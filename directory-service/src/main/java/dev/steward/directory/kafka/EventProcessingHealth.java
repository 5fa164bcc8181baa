package dev.steward.directory.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code eventProcessing}: DOWN while a streaming processor (the Kafka publisher)
 * has a segment in error or a segment of the publisher failed its last batch ({@link PublisherProgress}), i.e. it
 * retries an event it cannot handle yet or waits out an outage; the details name the processor and segment, the error
 * (and the time since), and count the parked events.
 */
@Component("eventProcessing")
class EventProcessingHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;
    private final ParkedEvents parked;
    private final PublisherProgress publisher;

    EventProcessingHealth(EventProcessingConfiguration processing, ParkedEvents parked, PublisherProgress publisher) {
        this.processing = processing;
        this.parked = parked;
        this.publisher = publisher;
    }

    @Override
    public Health health() {
        Map<String, Object> stuck = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                streaming.processingStatus().forEach((segment, status) -> {
                    if (status.isErrorState()) {
                        stuck.put(name + "[" + segment + "]", describe(status));
                    }
                });
            }
        });
        publisher.stuck().forEach((segment, failure) -> stuck.put(DirectoryEventPublisher.PROCESSING_GROUP + "["
                + segment + "]", "failing since " + failure.since() + ": " + failure.error()));
        Health.Builder health = stuck.isEmpty() ? Health.up() : Health.down().withDetail("stuckSegments", stuck);
        return health.withDetail("parkedEvents", parked.count()).build();
    }

    private static String describe(EventTrackerStatus status) {
        Throwable error = status.getError();
        return error == null ? "error" : error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
