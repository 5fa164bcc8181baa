package dev.steward.directory.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.contracts.Initiator;
import dev.steward.contracts.event.GroupUpdated;
import dev.steward.contracts.event.ModifiedProperty;
import dev.steward.contracts.event.SourceOfAuthorityChanged;
import dev.steward.directory.common.CommandOrigin;
import dev.steward.directory.group.api.ExtensionAttributes;
import dev.steward.directory.group.api.GroupState;
import dev.steward.directory.group.api.PropertyChange;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ContractEventsTest {

    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");
    private static final String EVENT_ID = "6f9619ff-8b86-4011-b42d-00c04fc964ff";
    private static final Initiator ADMIN = new Initiator("admin-id", "admin@corp.example.test", "Admin", "cli-app",
            "Steward CLI", "127.0.0.1");
    private static final GroupState GROUP = new GroupState("g1", "Engineering Team", "Engineering staff",
            "Engineering", null, false, true, List.of(), null, AT, null, true, "anchor", "S-1-5-21-1", "Engineering",
            "corp.example.test", "CORP", "CN=Engineering", AT, "S-1-12-1-1", ExtensionAttributes.NONE);

    @Test
    void carriesEventIdTimeInitiatorAndCorrelationFromTheDomainEvent() {
        var domainEvent = new dev.steward.directory.group.api.GroupUpdated(GROUP,
                List.of(new PropertyChange("displayName", "\"Engineering\"", "\"Engineering Team\"")), false);

        GroupUpdated event = ContractEvents.groupUpdated(domainEvent, message(domainEvent));

        assertThat(event.metadata().eventId()).isEqualTo(UUID.fromString(EVENT_ID));
        assertThat(event.metadata().occurredAt()).isEqualTo(AT);
        assertThat(event.metadata().aggregateId()).isEqualTo("g1");
        assertThat(event.metadata().correlationId()).isEqualTo("corr-1");
        assertThat(event.metadata().initiator()).isEqualTo(ADMIN);
        assertThat(event.metadata().schemaVersion()).isEqualTo(1);
        assertThat(event.bySync()).isFalse();
        assertThat(event.modifiedProperties()).containsExactly(
                new ModifiedProperty("displayName", "\"Engineering\"", "\"Engineering Team\""));
        assertThat(event.group().isCloudManaged()).isTrue();
        assertThat(event.group().onPremisesSyncEnabled()).isNull();
    }

    @Test
    void translatesSourceOfAuthoritySwitch() {
        var removed = new ExtensionAttributes("CC-4711", null, "Munich", null, null, null, null, null, null, null,
                null, null, null, null, null);
        var domainEvent = new SourceOfAuthoritySwitched("g1", "Engineering", "anchor", true, null, removed);

        SourceOfAuthorityChanged event = ContractEvents.sourceOfAuthorityChanged(domainEvent, message(domainEvent));

        assertThat(event.groupId()).isEqualTo("g1");
        assertThat(event.displayName()).isEqualTo("Engineering");
        assertThat(event.onPremisesAnchor()).isEqualTo("anchor");
        assertThat(event.isCloudManaged()).isTrue();
        assertThat(event.onPremisesSyncEnabled()).isNull();
        assertThat(event.removedOnPremisesExtensionAttributes().values()).isEqualTo(removed.values());
        assertThat(event.key()).isEqualTo("g1");
    }

    @Test
    void carriesNoRemovedExtensionAttributesOnARollback() {
        var domainEvent = new SourceOfAuthoritySwitched("g1", "Engineering", "anchor", false, null, null);

        SourceOfAuthorityChanged event = ContractEvents.sourceOfAuthorityChanged(domainEvent, message(domainEvent));

        assertThat(event.isCloudManaged()).isFalse();
        assertThat(event.removedOnPremisesExtensionAttributes()).isNull();
    }

    @Test
    void carriesTheGroupsExtensionAttributesInItsSnapshot() {
        var attributes = new ExtensionAttributes(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, "last one");
        GroupState synced = new GroupState("g1", "Engineering", null, "Engineering", null, false, true, List.of(),
                null, AT, true, false, "anchor", null, null, null, null, null, AT, null, attributes);

        assertThat(ContractEvents.snapshot(synced).onPremisesExtensionAttributes().extensionAttribute15())
                .isEqualTo("last one");
        assertThat(ContractEvents.snapshot(GROUP).onPremisesExtensionAttributes().anySet()).isFalse();
    }

    @Test
    void mapsEventIdsThatAreNotUuidsToStableUuids() {
        assertThat(ContractEvents.eventId("not-a-uuid")).isEqualTo(ContractEvents.eventId("not-a-uuid"));
        assertThat(ContractEvents.eventId(EVENT_ID)).isEqualTo(UUID.fromString(EVENT_ID));
    }

    private static GenericDomainEventMessage<Object> message(Object payload) {
        MetaData metaData = new CommandOrigin("corr-1", ADMIN).toMetaData();
        return new GenericDomainEventMessage<>("Group", "g1", 3, payload, metaData, EVENT_ID, AT);
    }
}
