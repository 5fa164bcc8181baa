package dev.steward.directory.kafka;

import dev.steward.contracts.ContractMessage;
import dev.steward.contracts.Topics;
import dev.steward.directory.group.api.GroupCreated;
import dev.steward.directory.group.api.GroupDeleted;
import dev.steward.directory.group.api.GroupUpdated;
import dev.steward.directory.group.api.MembersAdded;
import dev.steward.directory.group.api.MembersRemoved;
import dev.steward.directory.group.api.OwnersAdded;
import dev.steward.directory.group.api.OwnersRemoved;
import dev.steward.directory.group.api.SourceOfAuthoritySwitched;
import dev.steward.directory.license.api.UserLicensesAssigned;
import dev.steward.directory.user.api.CloudUserCreated;
import dev.steward.directory.user.api.CloudUserUpdated;
import dev.steward.directory.user.api.UserCreated;
import dev.steward.directory.user.api.UserDeleted;
import dev.steward.directory.user.api.UserUpdated;
import dev.steward.platform.kafka.ContractPublisher;
import dev.steward.platform.kafka.Outages;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Publishes every domain event as a contract event on {@value Topics#DIRECTORY_EVENTS}, keyed by the aggregate id.
 * The event store is the outbox: this processing group's token advances only after the broker acknowledged the
 * record, and a failed publish stops the segment and retries it. A fresh token (a new database, a reset)
 * republishes everything with the same event ids; consumers are idempotent by event id. An event that fails for any
 * reason but an outage is parked after bounded retries ({@link PublishFailures}) instead of blocking its segment.
 */
@Component
@ProcessingGroup(DirectoryEventPublisher.PROCESSING_GROUP)
class DirectoryEventPublisher {

    static final String PROCESSING_GROUP = "directory-event-publisher";
    private static final String PENDING = DirectoryEventPublisher.class.getName() + ".pending";

    private final ContractPublisher publisher;
    private final PublishFailures failures;

    DirectoryEventPublisher(ContractPublisher publisher, PublishFailures failures) {
        this.publisher = publisher;
        this.failures = failures;
    }

    /**
     * Sends without waiting; the processor's batch waits for every ack before its token moves (see
     * {@link #awaitAll}). A handler whose mapping throws goes to the group's error handler, {@link PublishFailures}.
     */
    private void publish(ContractMessage contract, EventMessage<?> message) {
        Pending sent = new Pending(message, publisher.sendAsync(Topics.DIRECTORY_EVENTS, contract));
        if (!CurrentUnitOfWork.isStarted()) {
            awaitAll(List.of(sent));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(PENDING, key -> {
            List<Pending> pending = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> awaitAll(pending));
            return pending;
        }).add(sent);
    }

    /**
     * Waits for every ack of the batch. An outage fails the batch at once (the other acks would only time out too).
     * An event that failed otherwise is parked if it is poison, else the batch fails after the other acks are in, so
     * every failing event of the batch counts an attempt; the events acknowledged before are sent again on the retry.
     */
    private void awaitAll(List<Pending> pending) {
        RuntimeException retry = null;
        for (Pending sent : pending) {
            try {
                ContractPublisher.await(sent.sent());
                failures.published(sent.event());
            } catch (RuntimeException e) {
                if (failures.parkIfPoison(sent.event(), e)) {
                    continue;
                }
                if (Outages.isOutage(e)) {
                    throw e;
                }
                retry = retry == null ? e : retry;
            }
        }
        if (retry != null) {
            throw retry;
        }
    }

    private record Pending(EventMessage<?> event, ContractPublisher.Sent sent) {
    }

    @EventHandler
    void on(GroupCreated event, EventMessage<?> message) {
        publish(ContractEvents.groupCreated(event, message), message);
    }

    @EventHandler
    void on(GroupUpdated event, EventMessage<?> message) {
        publish(ContractEvents.groupUpdated(event, message), message);
    }

    @EventHandler
    void on(SourceOfAuthoritySwitched event, EventMessage<?> message) {
        publish(ContractEvents.sourceOfAuthorityChanged(event, message), message);
    }

    @EventHandler
    void on(MembersAdded event, EventMessage<?> message) {
        publish(ContractEvents.membersAdded(event, message), message);
    }

    @EventHandler
    void on(MembersRemoved event, EventMessage<?> message) {
        publish(ContractEvents.membersRemoved(event, message), message);
    }

    @EventHandler
    void on(OwnersAdded event, EventMessage<?> message) {
        publish(ContractEvents.ownersAdded(event, message), message);
    }

    @EventHandler
    void on(OwnersRemoved event, EventMessage<?> message) {
        publish(ContractEvents.ownersRemoved(event, message), message);
    }

    @EventHandler
    void on(GroupDeleted event, EventMessage<?> message) {
        publish(ContractEvents.groupDeleted(event, message), message);
    }

    @EventHandler
    void on(UserCreated event, EventMessage<?> message) {
        publish(ContractEvents.userCreated(event, message), message);
    }

    @EventHandler
    void on(UserUpdated event, EventMessage<?> message) {
        publish(ContractEvents.userUpdated(event, message), message);
    }

    @EventHandler
    void on(CloudUserCreated event, EventMessage<?> message) {
        publish(ContractEvents.cloudUserCreated(event, message), message);
    }

    @EventHandler
    void on(CloudUserUpdated event, EventMessage<?> message) {
        publish(ContractEvents.cloudUserUpdated(event, message), message);
    }

    @EventHandler
    void on(UserDeleted event, EventMessage<?> message) {
        publish(ContractEvents.userDeleted(event, message), message);
    }

    @EventHandler
    void on(UserLicensesAssigned event, EventMessage<?> message) {
        publish(ContractEvents.userLicensesChanged(event, message), message);
    }
}
