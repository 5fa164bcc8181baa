package dev.steward.directory.user.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a cloud user; a user synced from AD is deleted in AD. */
public record DeleteUser(@TargetAggregateIdentifier String userId) {
}
