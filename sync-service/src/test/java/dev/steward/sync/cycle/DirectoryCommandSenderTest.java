package dev.steward.sync.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.CommandMetadata;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.DirectoryIds;
import dev.steward.contracts.Topics;
import dev.steward.contracts.command.SyncDeletion;
import dev.steward.platform.kafka.ContractPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;

class DirectoryCommandSenderTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, ContractMessage> template = mock(KafkaTemplate.class);
    private final DirectoryCommandSender sender = new DirectoryCommandSender(template, new ExportProperties(10, 2));

    @Test
    void sendsEachCommandKeyedByItsObjectWithTheBearerTokenAndReturnsNoRefusalOnceAllAreAcknowledged() {
        when(template.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        ContractCommand first = command();
        ContractCommand second = command();
        DirectoryCommandSender.Batch batch = sender.batch();

        batch.send(first, "token-1");
        batch.send(second, "token-1");

        assertThat(batch.awaitAcknowledgements()).isEmpty();
        assertThat(batch.acknowledged()).containsExactlyInAnyOrder(first, second);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<ProducerRecord<String, ContractMessage>> records = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(template, times(2)).send(records.capture());
        assertThat(records.getAllValues()).allSatisfy(record -> {
            assertThat(record.topic()).isEqualTo(Topics.DIRECTORY_COMMANDS);
            assertThat(record.key()).isEqualTo(record.value().key());
            assertThat(new String(record.headers().lastHeader(CloudEventHeaders.AUTHORIZATION).value(),
                    StandardCharsets.UTF_8)).isEqualTo("Bearer token-1");
        });
    }

    @Test
    void returnsTheCommandsThatCanNeverBeSentAndWaitsForTheOthers() {
        ContractCommand tooLarge = command();
        ContractCommand fine = command();
        when(template.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            ProducerRecord<?, ?> record = invocation.getArgument(0);
            return record.value() == tooLarge
                    ? CompletableFuture.failedFuture(new RecordTooLargeException("1.2 MB"))
                    : CompletableFuture.completedFuture(null);
        });
        DirectoryCommandSender.Batch batch = sender.batch();

        batch.send(tooLarge, "t");
        batch.send(fine, "t");

        assertThat(batch.awaitAcknowledgements()).containsExactly(tooLarge);
        assertThat(batch.acknowledged()).containsExactly(fine);
    }

    @Test
    void failsWhenTheBrokerDoesNotAcknowledgeACommandAndTellsWhichWereAcknowledged() {
        ContractCommand acknowledged = command();
        ContractCommand lost = command();
        when(template.send(any(ProducerRecord.class))).thenAnswer(invocation -> {
            ProducerRecord<?, ?> record = invocation.getArgument(0);
            return record.value() == lost ? CompletableFuture.failedFuture(new TimeoutException("broker away"))
                    : CompletableFuture.completedFuture(null);
        });
        DirectoryCommandSender.Batch batch = sender.batch();

        batch.send(acknowledged, "t");
        batch.send(lost, "t");

        assertThatThrownBy(batch::awaitAcknowledgements)
                .isInstanceOf(ContractPublisher.PublishFailedException.class).hasMessageContaining("broker away");
        assertThat(batch.acknowledged()).containsExactly(acknowledged);
    }

    @Test
    void aProducerThatThrowsOnSendIsAFailedSendNotALeakedPermit() {
        when(template.send(any(ProducerRecord.class))).thenThrow(new org.springframework.kafka.KafkaException("closed"));
        DirectoryCommandSender.Batch batch = sender.batch();

        // More sends than commands may be in flight: each failed send gave its permit back.
        for (int i = 0; i < 5; i++) {
            batch.send(command(), "t");
        }

        assertThatThrownBy(batch::awaitAcknowledgements).isInstanceOf(ContractPublisher.PublishFailedException.class);
        assertThat(batch.acknowledged()).isEmpty();
    }

    @Test
    void refusesABatchSizeOrInFlightBoundBelowOne() {
        assertThatThrownBy(() -> new ExportProperties(0, 1)).hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new ExportProperties(1, 0)).hasMessageContaining("max-in-flight");
    }

    private static ContractCommand command() {
        String anchor = UUID.randomUUID().toString();
        return new SyncDeletion(CommandMetadata.of(UUID.randomUUID(), Instant.now(), "cycle"),
                DirectoryIds.fromAnchor(anchor), anchor, SyncDeletion.USER, Instant.now());
    }
}
