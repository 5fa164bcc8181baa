package dev.steward.contracts;

/** An integration event published on one of the event topics. */
public interface IntegrationEvent extends ContractMessage {

    EventMetadata metadata();

    @Override
    default String messageId() {
        return metadata().eventId().toString();
    }

    @Override
    default String key() {
        return metadata().aggregateId();
    }
}
