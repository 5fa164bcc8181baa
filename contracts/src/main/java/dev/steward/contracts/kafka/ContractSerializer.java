package dev.steward.contracts.kafka;

import dev.steward.contracts.CloudEventHeaders;
import dev.steward.contracts.ContractCommand;
import dev.steward.contracts.ContractJson;
import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.IntegrationEvent;
import dev.steward.contracts.MessageTypes;
import dev.steward.contracts.command.CommandResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes a contract message as JSON and sets the CloudEvents headers it implies (id, type, subject, time,
 * correlation id, schema version). {@code ce_source} comes from the {@link #SOURCE_CONFIG} producer property.
 */
public class ContractSerializer implements Serializer<ContractMessage> {

    public static final String SOURCE_CONFIG = "steward.ce.source";

    private String source = "/steward";

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, ContractMessage data) {
        return data == null ? null : ContractJson.write(data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, ContractMessage data) {
        if (data == null) {
            return null;
        }
        set(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        set(headers, CloudEventHeaders.ID, data.messageId());
        set(headers, CloudEventHeaders.TYPE, MessageTypes.nameOf(data.getClass()));
        set(headers, CloudEventHeaders.SOURCE, source);
        set(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        set(headers, CloudEventHeaders.SUBJECT, data.key());
        set(headers, CloudEventHeaders.TIME, timeOf(data));
        set(headers, CloudEventHeaders.CORRELATION_ID, correlationOf(data));
        if (data instanceof IntegrationEvent event) {
            set(headers, CloudEventHeaders.SCHEMA_VERSION, Integer.toString(event.metadata().schemaVersion()));
        }
        return ContractJson.write(data);
    }

    private static Instant timeOf(ContractMessage data) {
        if (data instanceof IntegrationEvent event) {
            return event.metadata().occurredAt();
        }
        if (data instanceof ContractCommand command) {
            return command.metadata().issuedAt();
        }
        if (data instanceof CommandResult result) {
            return result.completedAt();
        }
        return null;
    }

    private static String correlationOf(ContractMessage data) {
        if (data instanceof IntegrationEvent event) {
            return event.metadata().correlationId();
        }
        if (data instanceof ContractCommand command) {
            return command.metadata().correlationId();
        }
        if (data instanceof CommandResult result) {
            return result.correlationId();
        }
        return null;
    }

    private static void set(Headers headers, String name, Object value) {
        if (value != null && headers.lastHeader(name) == null) {
            headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
