package dev.steward.platform.kafka;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.kafka.ContractDeserializer;
import dev.steward.platform.kafka.access.TopicAccess;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The contract deserializer of every Steward consumer: a record on a topic that one service produces
 * ({@link TopicAccess#expectedSource(String)}) must carry that service's {@code ce_source}, or it is refused
 * like a malformed record (dead-lettered with the reason, never applied). The broker's ACLs already keep other
 * principals off the topic; this check keeps a misrouted or replayed record of another service out as well.
 */
public class ProducerCheckingDeserializer extends ContractDeserializer {

    @Override
    public ContractMessage deserialize(String topic, Headers headers, byte[] data) {
        Optional<String> expected = TopicAccess.expectedSource(topic);
        if (expected.isPresent()) {
            Header source = headers == null ? null : headers.lastHeader(CloudEventHeaders.SOURCE);
            String actual = source == null ? null : new String(source.value(), StandardCharsets.UTF_8);
            if (!expected.get().equals(actual)) {
                throw new SerializationException("record on " + topic + " has " + CloudEventHeaders.SOURCE + " "
                        + (actual == null ? "missing" : "'" + actual + "'") + "; only " + expected.get()
                        + " publishes there");
            }
        }
        return super.deserialize(topic, headers, data);
    }
}
