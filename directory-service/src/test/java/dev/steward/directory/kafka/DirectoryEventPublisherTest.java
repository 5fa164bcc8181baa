package dev.steward.directory.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.steward.contracts.Topics;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.platform.kafka.ContractPublisher;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class DirectoryEventPublisherTest {

    private final ContractPublisher kafka = mock(ContractPublisher.class);
    private final ParkedEvents parked = mock(ParkedEvents.class);
    private final DirectoryEventPublisher publisher = new DirectoryEventPublisher(kafka, parked);
    private final GroupDeleted event = new GroupDeleted("d7dc327c-4e43-391d-a4c7-b3714e595e9b", "Engineering", null);
    private final EventMessage<GroupDeleted> message = GenericEventMessage.asEventMessage(event);

    @Test
    void parksAnEventTheBrokerCanNeverTakeAndGoesOn() {
        when(kafka.sendAsync(eq(Topics.DIRECTORY_EVENTS), any())).thenReturn(new ContractPublisher.Sent(
                Topics.DIRECTORY_EVENTS, CompletableFuture.failedFuture(new RecordTooLargeException("1.2 MB"))));

        publisher.on(event, message);

        verify(parked).park(eq(message), any(ContractPublisher.PublishRefusedException.class));
    }

    @Test
    void retriesWhenTheBrokerIsAwayInsteadOfParking() {
        when(kafka.sendAsync(eq(Topics.DIRECTORY_EVENTS), any())).thenReturn(new ContractPublisher.Sent(
                Topics.DIRECTORY_EVENTS, CompletableFuture.failedFuture(new TimeoutException("broker away"))));

        assertThatThrownBy(() -> publisher.on(event, message))
                .isInstanceOf(ContractPublisher.PublishFailedException.class);
        verify(parked, never()).park(any(), any());
    }
}
