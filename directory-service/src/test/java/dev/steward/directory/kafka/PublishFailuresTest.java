package dev.steward.directory.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.steward.directory.group.api.GroupDeleted;
import java.sql.SQLTransientConnectionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Failures inside the publisher's event handlers: mapping an event, reading its payload. */
class PublishFailuresTest {

    private final ParkedEvents parked = mock(ParkedEvents.class);
    private final PublishFailures failures = new PublishFailures(parked, 2);
    private final EventMessageHandler handler = mock(EventMessageHandler.class);
    private final EventMessage<GroupDeleted> event = GenericEventMessage.asEventMessage(
            new GroupDeleted("d7dc327c-4e43-391d-a4c7-b3714e595e9b", "Engineering", null));

    @Test
    void parksAnEventThatCannotBeMappedAtOnce() throws Exception {
        failures.onError(new IllegalArgumentException("more than 1000 members"), event, handler);

        verify(parked).park(eq(event), argThat(reason -> reason.contains("more than 1000 members")));
    }

    @Test
    void parksAnEventWhosePayloadCannotBeReadAfterTheLastAttempt() throws Exception {
        SerializationException unreadable = new SerializationException("Error while deserializing object",
                new IllegalStateException("Cannot deserialize value of type `java.util.ArrayList`"));

        assertThatThrownBy(() -> failures.onError(unreadable, event, handler)).isSameAs(unreadable);
        verify(parked, never()).park(any(), anyString());
        failures.onError(unreadable, event, handler);

        verify(parked).park(eq(event), argThat(reason -> reason.startsWith("failed 2 times")
                && reason.contains("Cannot deserialize value")));
    }

    @Test
    void waitsOutADatabaseOutageWithoutEverParking() {
        for (Exception outage : new Exception[] {
                new CannotGetJdbcConnectionException("refused"),
                new IllegalStateException("no connection", new SQLTransientConnectionException("pool timed out"))}) {
            for (int attempt = 0; attempt < 5; attempt++) {
                assertThatThrownBy(() -> failures.onError(outage, event, handler)).isSameAs(outage);
            }
        }
        verify(parked, never()).park(any(), anyString());
    }

    @Test
    void refusesABoundBelowOne() {
        assertThatThrownBy(() -> new PublishFailures(parked, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steward.directory.publisher.max-attempts");
    }
}
