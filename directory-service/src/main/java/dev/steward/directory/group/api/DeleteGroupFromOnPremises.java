package dev.steward.directory.group.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The sync engine's deletion of a group deleted in AD (or gone out of its scope). Refused like
 * {@link SyncGroupFromOnPremises}: for another anchor, and once the group's Source of Authority is in the cloud.
 */
public record DeleteGroupFromOnPremises(@TargetAggregateIdentifier String groupId, String anchor) {
}
