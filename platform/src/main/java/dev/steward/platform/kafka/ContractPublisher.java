package dev.steward.platform.kafka;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends contract messages keyed by their aggregate and waits for the broker's acknowledgement, so a caller that
 * returns normally knows the message is stored.
 */
public class ContractPublisher {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, ContractMessage> template;

    public ContractPublisher(KafkaTemplate<String, ContractMessage> template) {
        this.template = template;
    }

    public void publish(String topic, ContractMessage message) {
        send(new ProducerRecord<>(topic, message.key(), message));
    }

    /** Sends a command with the caller's bearer token, which the consumer validates before acting. */
    public void sendCommand(String topic, ContractCommand command, String bearerToken) {
        send(commandRecord(topic, command, bearerToken));
    }

    /** A command's record: keyed by its aggregate, with the sender's bearer token in the authorization header. */
    public static ProducerRecord<String, ContractMessage> commandRecord(String topic, ContractCommand command,
                                                                        String bearerToken) {
        ProducerRecord<String, ContractMessage> record = new ProducerRecord<>(topic, command.key(), command);
        record.headers().add(CloudEventHeaders.AUTHORIZATION,
                ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Sends without waiting: many records in flight are batched by the producer (a send that waits for its own ack
     * caps a caller near 2,000 records/s). Pass the answer to {@link #await(Sent)} before relying on the record.
     */
    public Sent sendAsync(String topic, ContractMessage message) {
        ProducerRecord<String, ContractMessage> record = new ProducerRecord<>(topic, message.key(), message);
        try {
            return new Sent(topic, template.send(record));
        } catch (RuntimeException e) {
            return new Sent(topic, CompletableFuture.failedFuture(e));
        }
    }

    /** Sends every message, then waits for all the acknowledgements. */
    public void publishAll(String topic, List<? extends ContractMessage> messages) {
        List<Sent> sent = messages.stream().map(message -> sendAsync(topic, message)).toList();
        sent.forEach(ContractPublisher::await);
    }

    /** A record on its way to the broker. */
    public record Sent(String topic, CompletableFuture<?> acknowledgement) {
    }

    /**
     * Waits for the broker's acknowledgement of a record sent with {@link #sendAsync}.
     *
     * @throws PublishRefusedException if the record can never be sent
     * @throws PublishFailedException  if the broker did not acknowledge it (e.g. it is away)
     */
    public static void await(Sent sent) {
        try {
            sent.acknowledgement().get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(sent.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = neverSendable(e);
            if (cause != null) {
                throw new PublishRefusedException(sent.topic(), cause);
            }
            throw new PublishFailedException(sent.topic(), e);
        }
    }

    private void send(ProducerRecord<String, ContractMessage> record) {
        try {
            template.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(record.topic(), e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = neverSendable(e);
            if (cause != null) {
                throw new PublishRefusedException(record.topic(), cause);
            }
            if (e instanceof RuntimeException runtime && !(e instanceof org.springframework.kafka.KafkaException)) {
                throw runtime;
            }
            throw new PublishFailedException(record.topic(), e);
        }
    }

    /** The failure in the chain that sending the same record again can never cure, or null (e.g. a broker away). */
    private static Throwable neverSendable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RecordTooLargeException || cause instanceof SerializationException
                    || cause instanceof InvalidRecordException) {
                return cause;
            }
        }
        return null;
    }

    /**
     * The message itself can never be sent (too large for the broker, not serialisable): retrying it would stall
     * every message behind it, so callers park it with the reason and go on.
     */
    public static class PublishRefusedException extends RuntimeException {
        PublishRefusedException(String topic, Throwable cause) {
            super("the message can never be published to " + topic + ": " + cause.getMessage(), cause);
        }
    }

    /** The broker did not acknowledge a message in time. */
    public static class PublishFailedException extends RuntimeException {
        public PublishFailedException(String topic, Exception cause) {
            super("could not publish to " + topic + ": " + cause.getMessage(), cause);
        }
    }
}
