package dev.steward.directory.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A {@link SyncUserFromOnPremises} for a user the directory does not have yet, as the Kafka intake sends it when it
 * knows so: creating needs no look-up of the user's (absent) events.
 */
public record CreateUserFromOnPremises(@TargetAggregateIdentifier String userId, SyncUserFromOnPremises sync) {
}
