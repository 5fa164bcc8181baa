package dev.steward.directory.group.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code DELETE /groups/{id}}: only cloud-managed security and Microsoft 365 groups. */
public record DeleteGroup(@TargetAggregateIdentifier String groupId) {
}
