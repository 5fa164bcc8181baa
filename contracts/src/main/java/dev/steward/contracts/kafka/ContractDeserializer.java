package dev.steward.contracts.kafka;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a contract message by its {@code ce_type} header. A record without a known type or with a body that
 * breaks the record's rules fails with a {@link SerializationException} whose message is the dead-letter reason;
 * wrap it in an error-handling deserializer so the consumer keeps going.
 */
public class ContractDeserializer implements Deserializer<ContractMessage> {

    @Override
    public ContractMessage deserialize(String topic, byte[] data) {
        throw new SerializationException("contract messages need their ce_type header");
    }

    @Override
    public ContractMessage deserialize(String topic, Headers headers, byte[] data) {
        Header type = headers == null ? null : headers.lastHeader(CloudEventHeaders.TYPE);
        if (type == null) {
            throw new SerializationException("record has no " + CloudEventHeaders.TYPE + " header");
        }
        try {
            return ContractJson.read(new String(type.value(), StandardCharsets.UTF_8), data);
        } catch (MalformedMessageException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
