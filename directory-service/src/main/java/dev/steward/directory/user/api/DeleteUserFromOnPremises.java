package dev.steward.directory.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The sync engine's deletion of a user deleted in AD (or gone out of its scope); refused for another anchor. */
public record DeleteUserFromOnPremises(@TargetAggregateIdentifier String userId, String anchor) {
}
