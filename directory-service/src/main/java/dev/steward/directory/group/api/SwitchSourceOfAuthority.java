package dev.steward.directory.group.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a synced group's Source of Authority to the cloud ({@code true}) or roll it back to AD ({@code false}). */
public record SwitchSourceOfAuthority(@TargetAggregateIdentifier String groupId, boolean isCloudManaged) {
}
