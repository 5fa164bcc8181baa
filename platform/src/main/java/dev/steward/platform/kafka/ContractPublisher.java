package dev.steward.platform.kafka;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
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
        ProducerRecord<String, ContractMessage> record = new ProducerRecord<>(topic, command.key(), command);
        record.headers().add(CloudEventHeaders.AUTHORIZATION,
                ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    private void send(ProducerRecord<String, ContractMessage> record) {
        try {
            template.send(record).get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishFailedException(record.topic(), e);
        }
    }

    /** The broker did not acknowledge a message in time. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String topic, Exception cause) {
            super("could not publish to " + topic + ": " + cause.getMessage(), cause);
        }
    }
}
