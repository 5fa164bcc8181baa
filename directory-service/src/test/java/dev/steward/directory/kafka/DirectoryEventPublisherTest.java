package dev.steward.directory.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.platform.kafka.ContractPublisher;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.kafka.KafkaException;

/** The publisher's sends and what it does when they fail; {@code PoisonEventsIT} runs the same on a real broker. */
class DirectoryEventPublisherTest {

    private static final int MAX_ATTEMPTS = 3;

    private final ContractPublisher kafka = mock(ContractPublisher.class);
    private final ParkedEvents parked = mock(ParkedEvents.class);
    private final PublishFailures failures = new PublishFailures(parked, MAX_ATTEMPTS);
    private final DirectoryEventPublisher publisher = new DirectoryEventPublisher(kafka, failures);

    @Test
    void parksAnEventTheBrokerCanNeverTakeAtOnce() {
        GroupDeleted event = groupDeleted("too large");
        EventMessage<GroupDeleted> message = GenericEventMessage.asEventMessage(event);
        sendsFail(event, new RecordTooLargeException("1.2 MB"));

        publisher.on(event, message);

        verify(parked).park(eq(message), contains("can never be published"));
    }

    @Test
    void waitsOutABrokerOutageWithoutEverParking() {
        GroupDeleted event = groupDeleted("outage");
        EventMessage<GroupDeleted> message = GenericEventMessage.asEventMessage(event);
        sendsFail(event, new TimeoutException("broker away"));

        for (int attempt = 1; attempt <= 3 * MAX_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> publisher.on(event, message))
                    .isInstanceOf(ContractPublisher.PublishFailedException.class);
        }
        verify(parked, never()).park(any(), anyString());
        assertThat(failures.tracked()).isZero();
    }

    @Test
    void parksAnEventThatKeepsFailingForAnotherReasonAfterTheLastAttempt() {
        GroupDeleted event = groupDeleted("poison");
        EventMessage<GroupDeleted> message = GenericEventMessage.asEventMessage(event);
        sendsFail(event, new UnknownServerException("the broker could not take it"));

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            assertThatThrownBy(() -> publisher.on(event, message))
                    .isInstanceOf(ContractPublisher.PublishFailedException.class);
            verify(parked, never()).park(any(), anyString());
        }
        publisher.on(event, message);

        verify(parked).park(eq(message), argThat(reason -> reason.startsWith("failed 3 times")
                && reason.contains("the broker could not take it")));
        assertThat(failures.tracked()).isZero();
    }

    @Test
    void aBatchWithAPoisonEventParksOnlyThatEventAndOnlyAfterItsLastAttempt() {
        GroupDeleted good = groupDeleted("good");
        GroupDeleted bad = groupDeleted("bad");
        GroupDeleted alsoGood = groupDeleted("also good");
        sendsSucceed(good);
        sendsFail(bad, new KafkaException("unexpected"));
        sendsSucceed(alsoGood);
        EventMessage<GroupDeleted> badMessage = GenericEventMessage.asEventMessage(bad);

        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(good));
            publisher.on(good, GenericEventMessage.asEventMessage(good));
            publisher.on(bad, badMessage);
            publisher.on(alsoGood, GenericEventMessage.asEventMessage(alsoGood));
            assertThatThrownBy(batch::commit).isInstanceOf(ContractPublisher.PublishFailedException.class);
        }
        UnitOfWork<?> lastAttempt = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(good));
        publisher.on(good, GenericEventMessage.asEventMessage(good));
        publisher.on(bad, badMessage);
        publisher.on(alsoGood, GenericEventMessage.asEventMessage(alsoGood));
        lastAttempt.commit();

        verify(parked).park(eq(badMessage), argThat(reason -> reason.startsWith("failed 3 times")));
        verify(parked, never()).park(argThat(message -> message != badMessage), anyString());
        assertThat(failures.tracked()).isZero();
    }

    @Test
    @Timeout(10) // awaiting the next ack would take the 30 s ack timeout
    void anOutageInTheMiddleOfABatchFailsItAtOnceAndCountsNoAttempt() {
        GroupDeleted away = groupDeleted("away");
        GroupDeleted next = groupDeleted("next");
        sendsFail(away, new NotEnoughReplicasException("1 of 2 replicas"));
        CompletableFuture<Object> neverAcknowledged = new CompletableFuture<>();
        when(kafka.sendAsync(eq(Topics.DIRECTORY_EVENTS), argThat(key(next))))
                .thenReturn(new ContractPublisher.Sent(Topics.DIRECTORY_EVENTS, neverAcknowledged));

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage(away));
        publisher.on(away, GenericEventMessage.asEventMessage(away));
        publisher.on(next, GenericEventMessage.asEventMessage(next));

        assertThatThrownBy(batch::commit).isInstanceOf(ContractPublisher.PublishFailedException.class)
                .hasMessageContaining("1 of 2 replicas");
        assertThat(failures.tracked()).isZero();
    }

    private static GroupDeleted groupDeleted(String name) {
        return new GroupDeleted(UUID.randomUUID().toString(), name, null);
    }

    private void sendsFail(GroupDeleted event, Exception failure) {
        when(kafka.sendAsync(eq(Topics.DIRECTORY_EVENTS), argThat(key(event)))).thenAnswer(call ->
                new ContractPublisher.Sent(Topics.DIRECTORY_EVENTS, CompletableFuture.failedFuture(failure)));
    }

    private void sendsSucceed(GroupDeleted event) {
        when(kafka.sendAsync(eq(Topics.DIRECTORY_EVENTS), argThat(key(event)))).thenAnswer(call ->
                new ContractPublisher.Sent(Topics.DIRECTORY_EVENTS, CompletableFuture.completedFuture(null)));
    }

    private static org.mockito.ArgumentMatcher<ContractMessage> key(GroupDeleted event) {
        return message -> message != null && message.key().equals(event.groupId());
    }
}
