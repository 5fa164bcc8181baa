package dev.steward.directory.kafka;

import dev.steward.contracts.Topics;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserUpdated;
import dev.steward.platform.kafka.ContractPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Publishes every domain event as a contract event on {@value Topics#DIRECTORY_EVENTS}, keyed by the aggregate id.
 * The event store is the outbox: this processing group's token advances only after the broker acknowledged the
 * record, and a failed publish stops the segment and retries it. A fresh token (a new database, a reset)
 * republishes everything with the same event ids; consumers are idempotent by event id.
 */
@Component
@ProcessingGroup(DirectoryEventPublisher.PROCESSING_GROUP)
class DirectoryEventPublisher {

    static final String PROCESSING_GROUP = "directory-event-publisher";

    private final ContractPublisher publisher;

    DirectoryEventPublisher(ContractPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(GroupCreated event, EventMessage<?> message) {
        publisher.publish(Topics.DIRECTORY_EVENTS, ContractEvents.groupCreated(event, message));
    }

    @EventHandler
    void on(GroupUpdated event, EventMessage<?> message) {
        publisher.publish(Topics.DIRECTORY_EVENTS, ContractEvents.groupUpdated(event, message));
    }

    @EventHandler
    void on(SourceOfAuthoritySwitched event, EventMessage<?> message) {
        publisher.publish(Topics.DIRECTORY_EVENTS, ContractEvents.sourceOfAuthorityChanged(event, message));
    }

    @EventHandler
    void on(UserCreated event, EventMessage<?> message) {
        publisher.publish(Topics.DIRECTORY_EVENTS, ContractEvents.userCreated(event, message));
    }

    @EventHandler
    void on(UserUpdated event, EventMessage<?> message) {
        publisher.publish(Topics.DIRECTORY_EVENTS, ContractEvents.userUpdated(event, message));
    }
}
