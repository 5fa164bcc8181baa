package dev.steward.sync.cycle;

import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.platform.kafka.ContractPublisher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends a cycle's commands to {@code steward.directory.commands} without waiting for each acknowledgement (one send
 * waiting for its own ack caps a sender near 2,000 records/s): a {@link Batch} hands every command to the producer,
 * at most {@code steward.sync.export.max-in-flight} unacknowledged at a time, and then waits for all the
 * acknowledgements. Each command carries the sync engine's bearer token, as {@link ContractPublisher#sendCommand}.
 */
@Component
public class DirectoryCommandSender {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, ContractMessage> template;
    private final int maxInFlight;

    public DirectoryCommandSender(KafkaTemplate<String, ContractMessage> template, ExportProperties properties) {
        this.template = template;
        this.maxInFlight = properties.maxInFlight();
    }

    /** A new, empty batch of sends. */
    public Batch batch() {
        return new Batch();
    }

    /** Hands one record to the producer; the future completes with the broker's acknowledgement. */
    CompletableFuture<?> transmit(ProducerRecord<String, ContractMessage> record) {
        return template.send(record);
    }

    /** Commands on their way to the broker; not thread-safe (one cycle's thread sends and waits). */
    public final class Batch {

        private final Semaphore inFlight = new Semaphore(maxInFlight);
        private final List<Pending> pending = new ArrayList<>();

        private Batch() {
        }

        /**
         * Hands the command to the producer, first waiting while {@code max-in-flight} commands await their
         * acknowledgement.
         *
         * @throws ContractPublisher.PublishFailedException if no acknowledgement came for that long
         */
        public void send(ContractCommand command, String bearerToken) {
            try {
                if (!inFlight.tryAcquire(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new ContractPublisher.PublishFailedException(Topics.DIRECTORY_COMMANDS, new TimeoutException(
                            "no acknowledgement of " + maxInFlight + " commands in flight for " + ACK_TIMEOUT_SECONDS
                                    + " s"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContractPublisher.PublishFailedException(Topics.DIRECTORY_COMMANDS, e);
            }
            ProducerRecord<String, ContractMessage> record = ContractPublisher.commandRecord(Topics.DIRECTORY_COMMANDS,
                    command, bearerToken);
            CompletableFuture<?> acknowledgement;
            try {
                acknowledgement = transmit(record);
            } catch (RuntimeException e) {
                acknowledgement = CompletableFuture.failedFuture(e);
            }
            acknowledgement.whenComplete((result, failure) -> inFlight.release());
            pending.add(new Pending(command, new ContractPublisher.Sent(Topics.DIRECTORY_COMMANDS, acknowledgement)));
        }

        /** The commands sent whose acknowledgement has arrived (so far). */
        public Set<ContractCommand> acknowledged() {
            Set<ContractCommand> acknowledged = new HashSet<>();
            for (Pending sent : pending) {
                CompletableFuture<?> acknowledgement = sent.sent().acknowledgement();
                if (acknowledgement.isDone() && !acknowledgement.isCompletedExceptionally()) {
                    acknowledged.add(sent.command());
                }
            }
            return acknowledged;
        }

        /**
         * Waits for the acknowledgement of every command sent.
         *
         * @return the commands that can never be sent (too large, not serialisable), in the order sent
         * @throws ContractPublisher.PublishFailedException at the first command the broker did not acknowledge
         */
        public List<ContractCommand> awaitAcknowledgements() {
            List<ContractCommand> refused = new ArrayList<>();
            for (Pending sent : pending) {
                try {
                    ContractPublisher.await(sent.sent());
                } catch (ContractPublisher.PublishRefusedException e) {
                    refused.add(sent.command());
                }
            }
            return refused;
        }
    }

    private record Pending(ContractCommand command, ContractPublisher.Sent sent) {
    }
}
