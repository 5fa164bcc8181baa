package dev.steward.directory.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

class EventProcessingHealthTest {

    private final EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    private final ParkedEvents parked = mock(ParkedEvents.class);
    private final StreamingEventProcessor publisher = mock(StreamingEventProcessor.class);
    private final EventTrackerStatus segment = mock(EventTrackerStatus.class);
    private final PublisherProgress progress = new PublisherProgress(
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void reportsAStuckProcessorSegmentAsDown() {
        when(processing.eventProcessors()).thenReturn(Map.of("directory-event-publisher", (EventProcessor) publisher));
        when(publisher.processingStatus()).thenReturn(Map.of(2, segment));
        when(segment.isErrorState()).thenReturn(true);
        when(segment.getError()).thenReturn(new IllegalStateException("broker away"));
        when(parked.count()).thenReturn(1L);

        var health = new EventProcessingHealth(processing, parked, progress).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("stuckSegments").toString())
                .contains("directory-event-publisher[2]", "broker away");
        assertThat(health.getDetails()).containsEntry("parkedEvents", 1L);
    }

    @Test
    void reportsHealthyProcessorsAsUp() {
        when(processing.eventProcessors()).thenReturn(Map.of("directory-event-publisher", (EventProcessor) publisher));
        when(publisher.processingStatus()).thenReturn(Map.of(0, segment));

        assertThat(new EventProcessingHealth(processing, parked, progress).health().getStatus()).isEqualTo(Status.UP);
    }

    /** The pooled processor drops a failed segment's status while it waits to retry: the failure itself shows. */
    @Test
    void reportsAPublisherWhoseLastBatchFailedAsDownUntilABatchCommits() {
        when(processing.eventProcessors()).thenReturn(Map.of("directory-event-publisher", (EventProcessor) publisher));
        when(publisher.processingStatus()).thenReturn(Map.of());
        IllegalStateException brokerAway = new IllegalStateException("broker away");

        assertThatThrownBy(() -> progress.batchFailed(new ErrorContext("directory-event-publisher", brokerAway,
                List.of()))).isSameAs(brokerAway);
        var health = new EventProcessingHealth(processing, parked, progress).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("stuckSegments").toString())
                .contains("directory-event-publisher", "failing since 2026-03-01T10:00:00Z", "broker away");
    }
}
