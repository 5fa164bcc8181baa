package dev.steward.directory.group.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A {@link SyncGroupFromOnPremises} for a group the directory does not have yet, as the Kafka intake sends it when
 * it knows so: creating needs no look-up of the group's (absent) events.
 */
public record CreateGroupFromOnPremises(@TargetAggregateIdentifier String groupId, SyncGroupFromOnPremises sync) {
}
