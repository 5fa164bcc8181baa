package dev.steward.directory.group.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A deleted user leaves the group: as a member and as an owner, whatever the group's Source of Authority and even
 * if it was the group's last owner (as in Entra). Sent with the user's deletion, in its transaction.
 */
public record RemoveDeletedUser(@TargetAggregateIdentifier String groupId, String userId) {
}
