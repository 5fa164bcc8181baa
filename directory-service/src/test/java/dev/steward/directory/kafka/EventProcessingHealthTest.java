package dev.steward.directory.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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

    /**
     * The pooled processor drops a failed segment's status while it waits to retry: the failed batch itself shows,
     * for its segment, until a batch of that segment commits (another segment's progress does not clear it).
     */
    @Test
    void reportsAPublisherSegmentWhoseLastBatchFailedAsDownUntilABatchOfItCommits() throws Exception {
        when(processing.eventProcessors()).thenReturn(Map.of("directory-event-publisher", (EventProcessor) publisher));
        when(publisher.processingStatus()).thenReturn(Map.of());

        batchOfSegment(1).rollback(new IllegalStateException("broker away"));
        batchOfSegment(2).commit();
        var health = new EventProcessingHealth(processing, parked, progress).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails().get("stuckSegments").toString()).contains(
                "directory-event-publisher[1]", "failing since 2026-03-01T10:00:00Z", "broker away");
        batchOfSegment(1).commit();
        assertThat(new EventProcessingHealth(processing, parked, progress).health().getStatus()).isEqualTo(Status.UP);
    }

    /** A batch of the publisher's segment as Axon's pooled processor runs it, one event handled under the watch. */
    private UnitOfWork<EventMessage<?>> batchOfSegment(int segment) throws Exception {
        UnitOfWork<EventMessage<?>> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        batch.resources().put("Processor[directory-event-publisher]/SegmentId", segment);
        progress.watch(batch, () -> null);
        return batch;
    }
}
