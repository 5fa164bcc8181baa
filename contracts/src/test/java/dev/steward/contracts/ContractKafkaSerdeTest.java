package dev.steward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.contracts.command.ChangeSourceOfAuthority;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.contracts.kafka.ContractDeserializer;
import dev.steward.contracts.kafka.ContractSerializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ContractKafkaSerdeTest {

    private final ContractSerializer serializer = new ContractSerializer();
    private final ContractDeserializer deserializer = new ContractDeserializer();

    @Test
    void setsCloudEventHeadersFromTheEvent() {
        serializer.configure(Map.of(ContractSerializer.SOURCE_CONFIG, "/steward/directory-service"), false);
        var event = (SourceOfAuthorityChanged) Samples.all().get("directory.SourceOfAuthorityChanged");
        var headers = new RecordHeaders();

        byte[] body = serializer.serialize(Topics.DIRECTORY_EVENTS, headers, event);

        assertThat(header(headers, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(headers, CloudEventHeaders.ID)).isEqualTo(event.metadata().eventId().toString());
        assertThat(header(headers, CloudEventHeaders.TYPE)).isEqualTo("directory.SourceOfAuthorityChanged");
        assertThat(header(headers, CloudEventHeaders.SOURCE)).isEqualTo("/steward/directory-service");
        assertThat(header(headers, CloudEventHeaders.TIME)).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(header(headers, CloudEventHeaders.SUBJECT)).isEqualTo(Samples.GROUP_ID);
        assertThat(header(headers, CloudEventHeaders.CORRELATION_ID)).isEqualTo(event.metadata().correlationId());
        assertThat(header(headers, CloudEventHeaders.SCHEMA_VERSION)).isEqualTo("1");
        assertThat(header(headers, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(deserializer.deserialize(Topics.DIRECTORY_EVENTS, headers, body)).isEqualTo(event);
    }

    @Test
    void rejectsRecordWithoutTypeHeader() {
        assertThatThrownBy(() -> deserializer.deserialize("t", new RecordHeaders(), "{}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ce_type");
    }

    @Test
    void rejectsUnknownType() {
        assertThatThrownBy(() -> deserializer.deserialize("t", typed("java.lang.Runtime"), "{}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown message type 'java.lang.Runtime'");
    }

    @Test
    void rejectsBodyThatIsNotJson() {
        assertThatThrownBy(() -> deserializer.deserialize("t", typed("directory.ChangeSourceOfAuthority"),
                "not json".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("malformed ChangeSourceOfAuthority");
    }

    @Test
    void rejectsCommandThatBreaksItsRules() {
        String missingGroup = """
                {"metadata":{"commandId":"a3bb189e-8bf9-3888-9912-ace4e6543002","issuedAt":"2026-01-01T10:00:00Z"},
                 "isCloudManaged":true}""";
        assertThatThrownBy(() -> deserializer.deserialize("t", typed("directory.ChangeSourceOfAuthority"),
                missingGroup.getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("groupId is required");
    }

    @Test
    void rejectsSyncGroupWhoseIdIsNotDerivedFromItsAnchor() {
        assertThatThrownBy(() -> new dev.steward.contracts.command.SyncGroup(Samples.command(),
                "00000000-0000-0000-0000-000000000000", Samples.GROUP_ANCHOR, "x", null, null, null, false, true,
                null, null, null, null, null, null, null, Samples.AT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivesTheSameCloudIdFromAnyAnchorSpelling() {
        assertThat(DirectoryIds.fromAnchor(Samples.GROUP_ANCHOR.toUpperCase()))
                .isEqualTo(DirectoryIds.fromAnchor(Samples.GROUP_ANCHOR))
                .isNotEqualTo(Samples.GROUP_ANCHOR);
    }

    @Test
    void commandKeyIsTheGroup() {
        var command = new ChangeSourceOfAuthority(Samples.command(), Samples.GROUP_ID, false);
        assertThat(command.key()).isEqualTo(Samples.GROUP_ID);
        assertThat(command.messageId()).isEqualTo(command.metadata().commandId().toString());
    }

    private static RecordHeaders typed(String type) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private static String header(RecordHeaders headers, String name) {
        var header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
